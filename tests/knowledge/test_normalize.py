from knowledge.normalize import normalize


def test_traditional_characters_become_simplified():
    assert normalize("閔行區積分確認（續辦）") == "闵行区积分确认 续办"


def test_full_width_letters_digits_and_spaces_become_half_width():
    assert normalize("ＰＤＦ　小於２ＭＢ") == "pdf 小于2mb"


def test_punctuation_of_every_script_is_removed():
    assert normalize("“委托单”？盖章!!日期……63721888*3230") == "委托单 盖章 日期 63721888 3230"


def test_letters_are_lower_cased_and_spaces_collapsed():
    assert normalize("  Google   Chrome\n浏览器 ") == "google chrome 浏览器"


def test_normalising_twice_changes_nothing():
    text = "寶山區　材料寄哪裡？ＪＰＧ"
    assert normalize(normalize(text)) == normalize(text)


def test_an_hour_said_as_people_say_it_is_one_word_and_a_little_is_not_an_hour():
    assert normalize("晚上9点半、十一点、两点钟") == "晚上几点 几点 几点"
    assert normalize("快一点") == "快一点"
