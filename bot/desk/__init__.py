"""The desk: staff review, support replies, confirmations, accounts and their sessions, the
applicant's data rights, and the labels every desk page shows."""
