"""The applicant's side: the dialogue of a conversation's turn (conversation.py), the effects the dialogue asks for
(effects.py), applications and their history (applications.py), upload links, material jobs."""
