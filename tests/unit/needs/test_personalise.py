from portal.needs.model import Needs
from portal.needs.personalise import (
    block_shown,
    body_classes,
    choose_variant,
    page_adjustments,
    plan_channels,
)
from portal.publishing.syntax import NEEDS_BLOCKS

BLUE_BADGE = ("online", "phone", "relay_uk", "bsl_video", "email", "post", "in_person")


def test_with_nothing_declared_channels_keep_their_usual_order_and_need_no_explanation():
    plan = plan_channels(BLUE_BADGE, Needs())
    assert plan.order == BLUE_BADGE
    assert plan.first_reason is None


def test_phone_first_when_phone_is_preferred():
    plan = plan_channels(BLUE_BADGE, Needs(channels=("phone",)))
    assert plan.order[0] == "phone"
    assert plan.first_reason == "preferred"
    assert sorted(plan.order) == sorted(BLUE_BADGE)


def test_video_relay_first_for_a_bsl_user():
    plan = plan_channels(BLUE_BADGE, Needs(bsl=True))
    assert plan.order[0] == "bsl_video"
    assert plan.first_reason == "bsl"


def test_a_stated_first_choice_beats_bsl_but_video_relay_comes_straight_after():
    plan = plan_channels(BLUE_BADGE, Needs(bsl=True, channels=("email",)))
    assert plan.order[:2] == ("email", "bsl_video")


def test_a_missing_preference_is_named_with_the_closest_alternative_first():
    plan = plan_channels(("online", "phone"), Needs(channels=("text_message",)))
    assert plan.missing_preference == "text_message"
    assert plan.alternative == "online"
    assert plan.order[0] == "online"
    assert plan.first_reason == "closest"


def test_a_missing_preference_falls_to_the_next_way_the_person_gave():
    plan = plan_channels(("online", "phone"), Needs(channels=("text_message", "phone")))
    assert plan.order == ("phone", "online")
    assert plan.first_reason == "next_preferred"
    assert plan.missing_preference == "text_message"


def test_bsl_without_video_relay_keeps_the_order_and_offers_an_interpreter():
    plan = plan_channels(("online", "phone"), Needs(bsl=True))
    assert plan.order == ("online", "phone")
    assert plan.first_reason is None
    assert plan.offer_interpreter


def test_an_interpreter_is_offered_only_to_bsl_users_where_there_is_no_video_relay():
    assert not plan_channels(BLUE_BADGE, Needs(bsl=True)).offer_interpreter
    assert not plan_channels(("online", "phone"), Needs()).offer_interpreter
    assert plan_channels(("online",), Needs(bsl=True, channels=("phone",))).offer_interpreter


def test_easy_read_is_chosen_when_declared_and_present():
    assert choose_variant(Needs(easy_read=True), ["easy-read"], None).variant == "easy-read"


def test_easy_read_missing_is_reported_so_the_page_can_say_so():
    choice = choose_variant(Needs(easy_read=True), [], None)
    assert choice.variant is None
    assert choice.easy_read_missing is True


def test_the_url_can_ask_for_either_version_whatever_was_declared():
    assert choose_variant(Needs(easy_read=True), ["easy-read"], "standard").variant is None
    assert choose_variant(Needs(), ["easy-read"], "easy-read").variant == "easy-read"
    assert choose_variant(Needs(), [], None).easy_read_missing is False


def test_body_classes_switch_on_the_declared_themes():
    needs = Needs(text_size="largest", contrast="dark", more_spacing=True, lite=True)
    assert body_classes(needs) == (
        "app-text-largest",
        "app-theme-dark",
        "app-more-spacing",
        "app-lite",
    )
    assert body_classes(Needs()) == ()


def test_page_adjustments_name_what_changed_for_the_explanation():
    assert page_adjustments(Needs(contrast="high", less_motion=True)) == (
        "contrast_high",
        "less_motion",
    )


def test_ordinary_content_is_always_shown():
    assert block_shown(None, Needs(easy_read=True))


def test_with_nothing_declared_every_needs_block_is_shown():
    assert all(block_shown(condition, Needs()) for condition in NEEDS_BLOCKS.values())


def test_a_need_block_shows_only_to_people_who_declared_that_need():
    assert block_shown("easy_read", Needs(easy_read=True))
    assert not block_shown("easy_read", Needs(text_size="large"))
    assert block_shown("bsl", Needs(bsl=True))
    assert not block_shown("bsl", Needs(easy_read=True))


def test_channel_blocks_follow_the_ways_the_person_named():
    phone_person = Needs(channels=("phone", "post"))
    assert block_shown("phone", phone_person)
    assert block_shown("post", phone_person)
    assert not block_shown("email", phone_person)


def test_channel_blocks_all_show_when_the_person_named_no_ways_of_contact():
    assert block_shown("email", Needs(text_size="large"))
