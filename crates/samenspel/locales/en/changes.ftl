## Changes
change-title = Pass on a change
change-choose = What has changed? Choose what fits best.
change-explain = When something changes, who does what often changes too. The agreements you tick are marked "Talk about it again", and everyone involved gets an e-mail.
change-other-kind = (choose something else)
change-description = What happened? (optional, except for "Something else")
change-description-hint = For example: from Monday Henk lives in De Esdoorn, room 12.
change-occurred-on = When
change-occurred-on-hint = Leave empty for today.
change-agreements = Which agreements should be talked about again?
change-agreements-hint = The agreements that usually go with this are already ticked.
change-save = Pass on the change
changes-heading = Changes: talk about the agreements
change-recorded-by = passed on by { $name }
change-agreements-marked = { $count ->
    [one] 1 agreement is marked "Talk about it again".
   *[other] { $count } agreements are marked "Talk about it again".
}
change-propose = Arrange to talk about them together, preferably before { $date }.
change-close = Talked about
change-kind-moved_to_care_home = Moved to a nursing or care home
change-kind-moved_home = Moving back home
change-kind-professional_changed = A different professional
change-kind-carer_availability = A carer can do less (or more)
change-kind-more_care = More care is needed
change-kind-less_care = Less care is needed
change-kind-other = Something else
change-kind-invalid = Choose what has changed.
change-text-required = Write down what has changed.
change-text-too-long = Make this shorter: at most 1000 characters.
agreement-not-found = This agreement does not exist (any more).
notice-change-recorded = The change has been passed on. The agreements are marked "Talk about it again".
notice-change-closed = Good that you talked about it.
mail-change-subject = Something has changed for { $client }
mail-change-lead = { $author } passed on a change: { $change }. Agreements you are involved in need to be talked about again.
mail-change-agreements = These agreements:
mail-change-button = See who does what
audit-changes-record = passed on a change
audit-changes-list = looked at the changes
audit-changes-close = marked a change as talked about
