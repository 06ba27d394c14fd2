## Circles
circles-title = My circles
circles-empty = You are not a member of a circle yet. Did you get an invitation? Then open the link in that e-mail. You can also start a circle yourself.
circles-my-role = Your role: { $role }
circles-member-count = { $count ->
    [one] 1 member
   *[other] { $count } members
}
circles-access-until = You have access up to and including { $date }.
circle-archived-badge = Archived
circles-start = Start a circle
circle-new-title = Start a circle
circle-new-intro = A circle is the group of people around one person: the client, family, volunteers and care workers. After starting it, you invite the others.
field-client-name = Who is the circle for?
field-client-name-hint = The name you use, for example "grandpa Wim" or "Mrs Jansen".
field-description = Short explanation (may stay empty)
field-my-role = Your role in this circle
field-my-relation = How are you related to this person?
field-relation-hint = For example: daughter, neighbour, district nurse.
field-place = Does the circle belong to an organisation?
place-independent = No, we start on our own (without an organisation)
circle-new-button = Start the circle
circle-of = Circle of
circle-own = Your circle
circle-nav-label = Parts of this circle
tab-members = Members
tab-invitations = Invite
tab-audit = Who looked
tab-settings = Settings
