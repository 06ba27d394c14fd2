## Members
members-heading = { $count ->
    [one] 1 member
   *[other] { $count } members
}
members-you = you
members-contact-person = Fixed contact person
members-manages = Manages the circle
members-until = Access up to and including { $date }
members-invite = Invite someone
field-role = Role
field-relation = Relation
member-email-hidden = Only visible to part of the circle
member-joined = Member since
field-access-until = Access up to and including
member-change-heading = Change the membership
field-contact-person = Fixed contact person
field-manager = May manage the circle
field-manager-hint = Managers can invite people, change roles and archive the circle.
field-access-until-hint = For a stand-in or a short job. Leave empty when there is no end date. There is access on this day, not on the day after.
member-remove-heading = Remove from the circle
member-remove-explain = { $name } will at once no longer see anything in this circle.
member-remove-confirm = Are you sure you want to remove { $name } from the circle?
member-remove-button = Remove from the circle
