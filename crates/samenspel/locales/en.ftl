# Samenspel — English. Short, plain sentences.

## General
skip-to-content = Skip to content
nav-label = Main menu
nav-circles = My circles
nav-account = My account
nav-sign-out = Sign out
language-label = Language:
button-save = Save
button-copy = Copy
back-to-members = Back to the members

## Errors
error-title = That did not work
error-summary-title = Please check what you filled in
error-request-id = If this keeps happening, contact the administrator and mention this code: { $id }
error-back-home = Go to the start page
error-not-found = This page does not exist, or you do not have access to it.
error-not-found-api = Not found, or you have no access to it.
error-forbidden = You may not do this in this circle.
error-unauthenticated = You are not signed in.
error-sign-in-needed = Please sign in first.
error-form-expired = The form was open for too long. Go back, reload the page and try again.
error-validation = Not everything was filled in correctly.
error-rate-limited = You tried too often. Please wait a little and try again.
error-internal = Something went wrong on our side. Your data is safe. Please try again in a moment.

already-exists = This already exists.
email-taken = There is already an account with this e-mail address.
already-member = This person is already a member of the circle.
last-manager = That is not possible: nobody would be left to manage the circle. Let someone else manage it first.
invitation-not-open = This invitation was already used, withdrawn or has expired.
link-not-valid = This sign-in link was already used or has expired.
circle-already-archived = This circle is already archived.
circle-not-archived = This circle is not archived.
duplicate-request = This was already sent. Please reload the page.

email-required = Please fill in your e-mail address.
email-invalid = This is not a valid e-mail address. For example: name@example.org
name-required = Please fill in a name.
name-too-long = This name is too long (more than 100 characters).
relation-too-long = This is too long (more than 60 characters).
password-too-short = Choose a password of at least 10 characters.
password-too-long = This password is too long.
text-too-long = This text is too long.
role-invalid = Choose a role.
role-client-side-only = Only the client or the representative can give someone this role.
location-unknown = Choose an organisation or location from the list.
organisation-unknown = Choose an organisation from the list.
date-invalid = Fill in a date, for example 31-12-2026.
date-in-past = Choose a date in the future.
audience-invalid = Choose who may see it.
sign-in-failed = The e-mail address or the password is not correct.
password-wrong = Your current password is not correct.
account-disabled = This account is disabled. Please contact the administrator.
language-invalid = Choose Nederlands or English.
body-invalid = The data could not be read.
body-not-json = Please send the data as JSON.
idempotency-key-invalid = The Idempotency-Key must be 8 to 100 letters, digits, - or _.

## Signing in
sign-in-title = Sign in
sign-in-intro = Welcome to Samenspel. Here you work together with everybody who cares for the same person.
sign-in-link-heading = Sign in with a link
sign-in-link-explain = Fill in your e-mail address. You will get an e-mail with a link. With it you sign in, without a password.
sign-in-link-button = Send me a sign-in link
sign-in-password-heading = Sign in with a password
sign-in-password-button = Sign in
field-email = E-mail address
field-password = Password
link-sent-title = Check your e-mail
link-sent-body = If we know { $email }, we have sent an e-mail with a sign-in link there.
link-sent-valid = { $count ->
    [one] The link works for one minute, and only once.
   *[other] The link works for { $count } minutes, and only once.
}
link-sent-not-received = No e-mail? Also look in your junk mail (spam).
link-sent-again = Ask for another link
link-confirm-title = Sign in as { $name }
link-confirm-body = You sign in with the e-mail address { $email }.
link-confirm-button = Sign in
link-confirm-not-you = Is this not you? Then close this page.
link-invalid-title = This link no longer works
link-invalid-body = A sign-in link works only once, and only for a short time. Ask for a new link.
link-invalid-again = Ask for a new link

## Circles
circles-title = My circles
circles-empty = You are not a member of a circle yet. Did you get an invitation? Then open the link in that e-mail. You can also start a circle yourself.
circles-my-role = Your role: { $role }
circles-member-count = { $count ->
    [one] 1 member
   *[other] { $count } members
}
circles-access-until = You have access until { $date }.
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
circle-nav-label = Parts of this circle
tab-members = Members
tab-invitations = Invite
tab-audit = Who looked
tab-settings = Settings

## Members
members-heading = { $count ->
    [one] 1 member
   *[other] { $count } members
}
members-you = you
members-contact-person = Fixed contact person
members-manages = Manages the circle
members-until = Access until { $date }
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
field-access-until-hint = For a stand-in or a short task. Leave empty when there is no end date. Access stops at the start of this day.
member-remove-heading = Remove from the circle
member-remove-explain = { $name } will at once no longer see anything in this circle.
member-remove-confirm = Are you sure you want to remove { $name } from the circle?
member-remove-button = Remove from the circle

## Inviting
invite-heading = Invite someone
invite-explain = Everybody who helps is welcome: family, neighbours, volunteers and care workers.
field-invite-email = E-mail address (may stay empty)
field-invite-email-hint = With an e-mail address, we send the invitation. Without one, you get a link to pass on yourself, for example by text message.
field-message = Personal message (may stay empty)
invite-button = Make the invitation
invite-created-heading = The invitation is ready
invite-created-emailed = We have sent the invitation by e-mail.
invite-created-link = This is the invitation's link. You see it only once. Send it only to the person you invite.
invite-link-label = Invitation link
invite-created-repeat = This invitation was already made. Lost the link? Withdraw the invitation and make a new one.
invitations-heading = Invitations
invitations-empty = There are no invitations yet.
invitation-by-link = Invitation by link
invitation-meta = Made by { $name } on { $date }
invitation-revoke = Withdraw
invitation-state-open = not used yet
invitation-state-accepted = accepted
invitation-state-revoked = withdrawn
invitation-state-expired = expired

## Opening an invitation
invitation-title = Invitation
invitation-title-for = Invitation to the circle of { $client }
invitation-lead = { $inviter } invites you to join as { $role }.
invitation-until = You get access until { $date }.
invitation-what-it-is = In the circle you see who helps and how things are going. That way nobody has to tell everything again.
invitation-signed-in-as = You are signed in as { $name }.
invitation-join = Join
field-your-name = Your name
invitation-have-account = Do you already have an account?
invitation-sign-in-first = Then sign in first.
invitation-closed = You can no longer use this invitation ({ $state }).
invitation-ask-again = Ask the person who invited you for a new invitation.

## Circle settings
settings-contact-heading = Who sees my e-mail address?
settings-contact-explain = You decide who in this circle may see your e-mail address.
settings-contact-legend = My e-mail address is visible to
settings-edit-heading = Name and explanation of the circle
settings-archive-heading = Archive the circle
settings-archive-explain = Do this when care ends. The circle is kept, but only the client, the representative and the managers can still see it. Nobody can change anything in it.
settings-archive-confirm = Are you sure you want to archive this circle?
settings-archive-button = Archive the circle
settings-restore-heading = Bring the circle back
settings-restore-explain = This circle is archived. Bring it back when care starts again.
settings-restore-button = Bring the circle back
settings-leave-heading = Leave this circle
settings-leave-explain = After leaving you will not see anything in this circle. Someone can invite you again later.
settings-leave-confirm = Are you sure you want to leave this circle?
settings-leave-button = Leave the circle

## Who looked (access log)
audit-heading = Who looked
audit-explain = Here you see who looked at or changed the information in this circle, and when. Only the client and the representative see this.
audit-empty = Nothing has been recorded yet.
audit-caption = Access and changes, newest first
audit-when = When
audit-who = Who
audit-what = What
audit-result = Result
audit-from = From (IP address)
audit-someone-with-link = Someone with an invitation link
audit-allowed = Allowed
audit-denied = Refused
audit-older = Older lines
audit-circle-start = started the circle
audit-circle-view = looked at the circle
audit-circle-edit = changed the circle's name or explanation
audit-circle-archive = archived the circle
audit-circle-restore = brought the circle back
audit-circle-leave = left the circle
audit-members-list = looked at the member list
audit-member-view = looked at a member
audit-member-change = changed a membership
audit-member-remove = removed someone from the circle
audit-member-contact-audience = changed who sees their own e-mail address
audit-invitation-create = made an invitation
audit-invitations-list = looked at the invitations
audit-invitation-revoke = withdrew an invitation
audit-invitation-preview = opened an invitation
audit-invitation-accept = accepted an invitation
audit-audit-view = looked at who looked

## My account
account-title = My account
account-profile-heading = My details
account-email = Your e-mail address: { $email }
account-language-heading = Language
account-language-legend = In which language do you want to use Samenspel?
account-password-heading = Password
account-password-change = You can sign in with your password or with a link by e-mail.
account-password-none = You sign in with a link by e-mail. Do you also want to sign in with a password? Then choose one here.
field-current-password = Current password
field-new-password = New password
field-new-password-hint = At least 10 characters. A sentence of a few words is easy to remember and safe.
account-password-button = Save password
account-sessions-heading = Where am I signed in?
account-sessions-explain = Do you not recognise a device? Then sign it out.
account-session-unknown-device = Unknown device
account-session-current = This device
account-session-meta = Signed in on { $since }, last used { $seen }
account-session-revoke = Sign out
account-sessions-revoke-others = Sign out everywhere else
account-tokens-heading = Keys for connections (API)
account-tokens-explain = With a key, another program can use Samenspel on your behalf. Never give a key to someone else.
account-token-created = This is your new key. You see it only once. Keep it somewhere safe.
account-token-label = New key
account-token-created-on = made on { $date }
account-token-used-on = last used on { $date }
account-token-revoke = Withdraw
account-token-name = Name of the key
account-token-create = Make a key

## Notices after an action
notice-saved = Saved.
notice-member-removed = This person was removed from the circle.
notice-invitation-revoked = The invitation was withdrawn.
notice-circle-archived = The circle was archived.
notice-circle-restored = The circle was brought back.
notice-left-circle = You left the circle.
notice-session-revoked = That device was signed out.
notice-sessions-revoked = You were signed out on all other devices.
notice-token-revoked = The key was withdrawn.
notice-password-saved = Your password was saved.
notice-joined = Welcome to the circle!

## Roles
role-client = client
role-representative = representative
role-relative = relative
role-volunteer = volunteer
role-professional = professional
role-coordinator = coordinator

## Who may see it
audience-circle = everybody in the circle
audience-professionals = professionals only (and the client)
audience-informal = family and volunteers only (and the client)
audience-chosen = only the chosen people

## E-mail
mail-invitation-subject = { $inviter } invites you to Samenspel
mail-invitation-greeting = Hello,
mail-invitation-body = { $inviter } invites you to the circle of { $client } in Samenspel. There you work together with everybody who helps.
mail-invitation-message = { $inviter } writes:
mail-invitation-action = Join with this link:
mail-invitation-button = See the invitation
mail-invitation-expires = The invitation works until { $date }.
mail-invitation-ignore = Do you not want to join? Then you need not do anything.
mail-sign-in-subject = Your sign-in link for Samenspel
mail-sign-in-greeting = Hello { $name },
mail-sign-in-body = Click the link to sign in to Samenspel:
mail-sign-in-button = Sign in
mail-sign-in-expires = { $count ->
    [one] The link works for one minute, and only once.
   *[other] The link works for { $count } minutes, and only once.
}
mail-sign-in-ignore = Did you not ask for a sign-in link? Then you can ignore this e-mail.

## Logbook: who looked
audit-logbook-overview = looked at the overview
audit-logbook-unread = looked at how many messages are new
audit-logbook-list = read the logbook
audit-logbook-search = searched the logbook
audit-logbook-digest = received a summary by e-mail
audit-entry-create = wrote a message
audit-entry-view = read a message
audit-entry-history = looked at earlier versions of a message
audit-entry-edit = changed a message
audit-entry-delete = removed a message
audit-entry-close = closed a question or concern
audit-reply-create = replied to a message
audit-reply-delete = removed a reply
audit-reaction-set = reacted (thumbs up, heart)
audit-file-view = looked at a photo or file
audit-file-add = added a photo or file
audit-notifications-view = looked at their own notifications
audit-notifications-change = changed their own notifications

## Logbook: kinds of messages
kind-update = Update
kind-moment = Good moment
kind-concern = Concern
kind-question = Question
kind-thanks = Thank-you

## Logbook: errors
kind-invalid = Choose what kind of message it is.
text-required = Write something, or add a photo.
audience-chosen-empty = Choose who may see it.
member-unknown = Choose people from this circle.
thanks-recipients-empty = Choose whom you want to thank.
recipients-only-for-thanks = Only a thank-you is addressed to someone.
recipients-outside-audience = Whoever you thank must be able to see the message too.
too-many-files = You can add at most 6 photos or files.
file-empty = This file is empty.
file-too-large = This file is too large. It may be at most 12 MB.
file-not-a-photo = This file has the name of a photo, but it is not a photo. Choose a real photo (JPEG, PNG, WebP or GIF).
file-type-unsupported = We cannot keep this kind of file. Choose a photo (JPEG, PNG, WebP or GIF) or a PDF.
file-damaged = This photo is damaged or cannot be read. Please try another one.
reaction-invalid = Choose a reaction.
cursor-invalid = This page no longer exists. Go back to the start of the logbook.
entry-not-open = This question or concern is already closed.
time-invalid = Fill in a time, for example 22:00.
digest-invalid = Choose how often you want a summary.
quiet-hours-incomplete = Fill in a start and an end time, or leave both empty.

## Logbook: e-mail
mail-entry-concern-subject = There is a new concern in Samenspel
mail-entry-concern-lead = { $author } shares a concern in the circle of { $client }:
mail-entry-question-subject = There is a new question in Samenspel
mail-entry-question-lead = { $author } asks a question in the circle of { $client }:
mail-entry-thanks-subject = Someone thanks you in Samenspel
mail-entry-thanks-lead = { $author } thanks you in the circle of { $client }:
mail-entry-button = Read and reply
mail-reply-subject = There is an answer in Samenspel
mail-reply-lead = { $author } replied in the circle of { $client }:
mail-digest-daily-subject = Your daily summary from Samenspel
mail-digest-weekly-subject = Your weekly summary from Samenspel
mail-digest-daily-lead = This happened today in the circle of { $client }:
mail-digest-weekly-lead = This happened this week in the circle of { $client }:
mail-digest-open = Go to the circle
mail-digest-read = Read
mail-settings-footer = Fewer or other e-mails? One click:
mail-settings-link = change notifications

## Logbook: pages
tab-overview = Overview
tab-logbook = Logbook
when-today = today at { $time }
when-yesterday = yesterday at { $time }
button-cancel = Cancel
back-to-logbook = Back to the logbook
back-to-entry = Back to the message
overview-write-heading = Write something in the logbook
overview-new-heading = New for you
overview-unread-label = new messages
overview-nothing-new = You are up to date. There is nothing new.
overview-all-new = Read all new messages
overview-open-heading = Open questions and concerns
overview-nothing-open = There are no open questions or concerns.
overview-thanks-heading = Thank-yous
overview-to-logbook = To the whole logbook
logbook-write = Write a message
logbook-search-label = Search the logbook
logbook-search-button = Search
logbook-filter-label = What do you want to see?
logbook-filter-all = Everything
logbook-filter-open = Open questions and concerns
logbook-filter-moments = Good moments
logbook-filter-thanks = Thank-yous
logbook-results-for = Found for "{ $q }"
logbook-no-results = Nothing found. Try another word.
logbook-empty = There is nothing in the logbook yet. Write the first message!
logbook-older = Older messages
entry-new = New
entry-edited = changed
entry-removed-short = message removed
entry-removed-by = This message was removed by { $name } ({ $date }).
reply-removed-by = This reply was removed by { $name } ({ $date }).
entry-photos = { $count ->
    [one] a photo
   *[other] { $count } photos
}
entry-reply-count = { $count ->
    [one] 1 reply
   *[other] { $count } replies
}
entry-thanks-to = thanks { $names }
entry-visible-to = Visible to: { $who }
audience-chosen-names = only { $names }
photo-alt = Photo { $n } with the message from { $name }
entry-close = Close
entry-closed-by = Closed by { $name } ({ $date }).
entry-edit = Change the message
entry-edit-explain = The earlier text is kept. Everybody who can see the message can also see that it was changed.
entry-history = Earlier versions
entry-delete = Remove
entry-delete-confirm = Are you sure you want to remove this message? Everybody will see that you removed it.
entry-reactions-heading = React with a sign
entry-seen-heading = Seen by
entry-seen-nobody = Nobody has seen this message yet.
entry-seen-not-yet = Not seen yet by: { $names }
entry-replies-heading = Replies
entry-no-replies = No replies yet.
reply-label = Your reply
reply-button = Reply
reply-delete = Remove reply
reply-delete-confirm = Are you sure you want to remove this reply?
history-current = Now (version { $n })
history-version = Version { $n }
entry-form-title = Write a message
entry-form-kind = What kind of message is it?
entry-form-body = Your message
entry-form-body-hint = An empty line starts a new paragraph. Start a line with "- " for a list.
entry-form-files = Photos or a PDF (may stay empty)
entry-form-files-hint = At most 6 files of at most 12 MB each. We remove the location and other hidden data from photos.
entry-form-files-again = Please choose your photos again if you want to add them: nothing has been saved yet.
entry-form-recipients = Whom do you want to thank? (only for a thank-you)
entry-form-recipients-hint = They will hear about it at once.
entry-form-audience = Who may see this?
entry-form-chosen = Which people? (only with "only the chosen people")
entry-form-chosen-hint = You can always see your own message.
entry-form-button = Post the message
kind-update-hint = What was done, how it went.
kind-moment-hint = Something nice to share.
kind-concern-hint = Something you are worried about. It stays open until someone replies or closes it.
kind-question-hint = A question for the others. It stays open until someone answers or closes it.
kind-thanks-hint = Thank someone for what they did.
audience-circle-hint = All members of the circle.
audience-professionals-hint = Care workers and coordinators. The client and the representative see it too.
audience-informal-hint = Family, relatives and volunteers. The client and the representative see it too.
audience-chosen-hint = Only the people you choose below.
status-none = none
status-open = no answer yet
status-answered = answered
status-closed = closed
reaction-thanks = Thanks
reaction-seen = Seen
reaction-heart = Heart
digest-off = No summary
digest-daily = Every day (at 18:00)
digest-weekly = Every week (Sunday at 18:00)
notifications-title = E-mail notifications
notifications-explain = How do you want to hear what happens in the circle of { $client }?
notifications-immediate = E-mail me at once about a new question or concern, a thank-you for me, and an answer to my question
notifications-immediate-hint = Only when you may see the message.
notifications-digest = A summary of everything else
notifications-quiet = Quiet hours
notifications-quiet-hint = We send no e-mail in these hours. What happens then, you get afterwards.
notifications-quiet-from = From
notifications-quiet-until = Until
notifications-stop = No more e-mails about this circle
notifications-stop-explain = Want no e-mails about this circle at all? One click is enough. You can turn them back on later.
settings-notifications-explain = Choose which e-mails you get, and when.
settings-notifications-link = Set notifications
notice-entry-saved = Your message is in the logbook.
notice-entry-removed = The message was removed.
notice-entry-closed = The question or concern was closed.
notice-reply-saved = Your reply was posted.
notice-reply-removed = The reply was removed.
notice-notifications-saved = Your notifications were saved.
notice-notifications-stopped = You will get no more e-mails about this circle. You can turn them back on below.

## Network map (netwerkkaart)
tab-network = Network
network-title = Network map
network-map-title = Network map of { $client }
network-map-desc = { $client } in the centre, with { $count } people around. The closer to the centre, the closer the person is. The table below the map gives the same information in words.
network-explain = Who is around { $client }, and how do they help? The map follows the ecogram: a letter for the group, letters on the line for the support, and the kind of line for the relation.
network-empty = Nobody is on the map yet. Add the neighbours, friends, the GP or the club.
network-add = Add someone
network-print = Print
network-table-caption = The map in words
network-col-name = Name
network-col-category = Group
network-col-support = Support
network-col-tie = Relation
network-col-closeness = Distance
network-col-note = What this person does
network-col-reach = How to reach
network-member = member of the circle
network-change = Change
network-change-label = Change { $name }
network-legend = About the map
network-legend-categories = Groups
network-legend-support = Support on the line
network-legend-ties = Kind of line
network-legend-members = A coloured circle is a member of the circle.
network-legend-family = Family: parents, brothers and sisters, partner and children. Counsellors: pastor, minister, humanist. W and I were added by Samenspel.
network-no-support = none
network-category-g = Family
network-category-f = Other relatives
network-category-v = Friends
network-category-k = Acquaintances, former neighbours, colleagues
network-category-b = Neighbours
network-category-r = Counsellors
network-category-z = Care providers
network-category-w = Volunteers
network-category-i = Clubs and initiatives
network-support-p = Practical help
network-support-g = Company
network-support-a = Advice and information
network-support-e = Emotional support
network-tie-supporting = Supporting (thick line)
network-tie-neutral = Neutral (dotted line)
network-tie-strained = Strained (zigzag line)
network-closeness-1 = Close
network-closeness-2 = Middle
network-closeness-3 = Further away
network-form-add-title = Put someone on the map
network-form-edit-title = { $name } on the map
network-form-member-hint = { $name } is a member of the circle. Their name and contact details are on their member card.
network-name-hint = For example: Els next door, Dr Jansen, the billiards club.
network-category-label = Group
network-support-label = What support does this person give?
network-support-hint = Choose none, one or more.
network-tie-label = What is the relation like?
network-closeness-label = How close is this person?
network-note-label = What does this person do? (optional)
network-note-hint = For example: cooks on Tuesdays, drives to church.
network-reach-label = How to reach this person (optional)
network-reach-hint = A phone number or address. Everyone in the circle can see this.
network-remove = Take off the map
network-remove-confirm = Are you sure you want to take this person off the map?
notice-contact-added = The person is on the map.
network-invite = Invite
network-invite-label = Invite { $name } to the circle
invite-from-contact = You are inviting { $name } from the network map. When { $name } joins, they stand in the same place on the map as a member.
contact-not-found = This person is not (or no longer) on the network map.
notice-contact-removed = The person has been taken off the map.
category-invalid = Choose a group.
support-invalid = Choose only from the kinds of support in the list.
tie-invalid = Choose what the relation is like.
closeness-invalid = Choose how close this person is.
note-too-long = Make this shorter: at most 500 characters.
reach-too-long = Make this shorter: at most 200 characters.
audit-network-view = looked at the network map
audit-network-add = put someone on the network map
audit-network-change = changed someone on the network map
audit-network-remove = took someone off the network map
audit-network-place = placed a member on the network map

## Agreements (who does what)
tab-agreements = Who does what
agreements-title = Who does what
agreements-explain = The agreements about the care for { $client }, by subject. We follow the Schijf van Vijf: first what { $client } can do, then aids, family, the network, and only then the professional.
agreements-add = Make an agreement
agreements-shares = Who carries what
agreements-none = There are no agreements yet.
agreements-count = { $count ->
    [one] 1 agreement
   *[other] { $count } agreements
}
agreements-due = To talk about now
agreements-empty-domains = No agreements yet about:
agreements-policy = Who may change agreements?
agreements-policy-label = Family and volunteers may also change agreements a professional made
agreements-policy-hint = Everyone may always change their own agreements. The client and the representative may change all agreements.
agreement-new-title = Make an agreement
agreement-edit-title = Change an agreement
agreement-domain = Subject
agreement-step = Who does it?
agreement-step-hint = Start with what { $client } can do. Only when that does not work, look at the next step.
agreement-description = What do we agree?
agreement-description-hint = For example: Ans sets out the medicines every morning.
agreement-doer = Who does it
agreement-backup = Who takes over when that does not work
agreement-member = Someone in the circle
agreement-not-a-member = Someone else (fill in below)
agreement-other-name = Or the name of someone else (optional)
agreement-frequency = How often
agreement-frequency-hint = For example: every Tuesday, daily, when needed.
agreement-since = Since
agreement-lead = Who is in charge
agreement-lead-hint = Who keeps an eye on whether the agreement still works.
agreement-review-on = Talk about it on
agreement-review-hint = When do we check whether the agreement still fits?
agreement-review-was = talk about it on { $date }
agreement-needs-review = Talk about it again
agreement-change = Change
agreement-change-label = Change agreement: { $what }
agreement-end = End the agreement
agreement-end-confirm = Are you sure this agreement no longer applies?
agreement-domain-personal_care = Personal care
agreement-domain-household = Household
agreement-domain-meals = Food and drink
agreement-domain-medication = Medicines
agreement-domain-finances = Money and paperwork
agreement-domain-company = Company and daytime activities
agreement-domain-mobility = Transport and getting out
agreement-domain-appointments = Appointments and arrangements
agreement-domain-other = Other
agreement-step-1 = Self
agreement-step-2 = Aids
agreement-step-3 = Family and carers
agreement-step-4 = Network and other services
agreement-step-5 = Professional
agreement-step-1-question = What can the client do themselves?
agreement-step-2-question = Which aids help?
agreement-step-3-question = What can family or a carer do?
agreement-step-4-question = What can the network or another service do?
agreement-step-5-question = What does the professional do?
notice-agreement-saved = The agreement has been saved.
overview-agreements-due = Agreements to talk about
overview-to-agreements = To who does what
notice-agreement-ended = The agreement has ended.
domain-invalid = Choose a subject.
step-invalid = Choose who does it.
description-required = Write down what you agree.
description-too-long = Make this shorter: at most 500 characters.
frequency-too-long = Make this shorter: at most 100 characters.
member-not-in-circle = This person is not (or no longer) a member of the circle.
review-before-start = The review date is before the start date.
audit-agreements-list = looked at the agreements
audit-agreements-add = made an agreement
audit-agreements-change = changed an agreement
audit-agreements-end = ended an agreement
audit-agreements-policy = changed who may change agreements

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

## Conversation guides
conversations-title = Conversations
conversations-explain = A conversation with a set list of questions helps you forget nothing. Write the answers down, so everyone in { $client }'s circle knows what was discussed. You can turn an answer into an agreement straight away.
conversations-held = Conversations held
conversations-none = No conversations have been written down yet.
guide-start = Start the conversation
guide-question-count = { $count ->
    [one] 1 question
   *[other] { $count } questions
}
guide-family_start = Family start conversation
guide-family_start-intro = The first conversation at the start of care, with { $client } and the family. You get to know each other and agree who does what.
guide-collaboration = Talking about working together
guide-collaboration-intro = An open conversation about how you work together. You can ask these questions of yourself and of each other. They come from the Samen Bouwen toolkit.
guide-review = Review conversation
guide-review-intro = Look back together: what has changed, what goes well, and do the agreements still fit? Do this after a change, and also when all goes well.
guide-q-fs_matters = What matters to { $client } in daily life?
guide-q-fs_self = What can { $client } still do? What does { $client } want to keep doing?
guide-q-fs_aids = Which aids can help?
guide-q-fs_family = What can family and carers do? And what would they rather not do?
guide-q-fs_network = What can neighbours, friends, volunteers or other services do?
guide-q-fs_professional = What do the professionals do?
guide-q-fs_contacts = Who is the family's regular contact? And who is the contact in care?
guide-q-fs_expectations = What do you expect of each other? What does the family need to take part?
guide-q-fs_informed = How do you keep each other informed? What may everyone know?
guide-q-ig_why = Why do you think working together is needed?
guide-q-ig_hard = What do you think sometimes makes working together hard?
guide-q-ig_perspective = Which perspective do you recognise yourself in most?
guide-q-ig_expectation = What do you expect of working together?
guide-q-ig_role = Which role do you have, and not have, in working together?
guide-q-ig_keep = What would you like to keep about working together as it is now, and why?
guide-q-ig_need = What do you need to keep working together well?
guide-q-ig_know = Do the others know what you like about working together?
guide-q-rv_changed = What has changed since the last conversation?
guide-q-rv_going_well = What goes well in working together? And why does it go well?
guide-q-rv_hard = What goes less well, or what is hard?
guide-q-rv_agreements = Do the agreements about who does what still fit? What should change?
guide-q-rv_carers = How are the carers doing? Can they keep it up?
guide-q-rv_thanks = Whom would you like to thank, and for what?
guide-q-rv_next = When will you talk again?
conversation-form-hint = Fill in what was discussed. Leave a question empty if you did not discuss it.
conversation-held-on = Date of the conversation
conversation-participants = Who took part?
conversation-others = Others who took part
conversation-others-hint = People who are not members of the circle, for example: neighbour Riet, the GP.
conversation-step-hint = Schijf van Vijf, step
conversation-closes-changes = Which changes were discussed in this conversation?
conversation-audience = Who may read the notes?
conversation-audience-chosen = Only those who took part
conversation-audience-chosen-hint = The members you ticked above, and you.
conversation-recorded-by = Written down by
conversation-answered = { $count ->
    [one] 1 question answered
   *[other] { $count } questions answered
}
conversation-agreements-count = { $count ->
    [one] 1 agreement made
   *[other] { $count } agreements made
}
conversation-make-agreement = Make this an agreement
conversation-make-agreement-label = Make an agreement from the answer to: { $question }
conversation-agreements = Agreements from this conversation
conversation-edit = Change the notes
conversation-remove = Remove the notes
conversation-remove-confirm = Do you want to remove these notes? The agreements that came from them stay.
back-to-conversations = Back to the conversations
back-to-agreements = Back to who does what
agreement-from-conversation = This agreement comes from a conversation. Add what is still missing.
change-hold-review = Discuss this in a review conversation
guide-invalid = Choose a conversation.
guide-fixed = A conversation cannot change its kind. Start a new conversation.
conversation-date-future = The conversation cannot be in the future.
conversation-too-many-participants = That is too many people. Choose at most 60.
conversation-others-too-long = Make this shorter (at most 300 characters).
conversation-question-unknown = This question does not belong to this conversation.
conversation-answer-too-long = This answer is too long (at most 4000 characters).
conversation-empty = Fill in at least one question.
conversation-participants-required = Tick who took part, or write their names.
conversation-not-found = This conversation does not exist (any more), or you may not read it.
change-not-found = This change does not exist (any more), or has been discussed already.
notice-conversation-saved = The conversation has been written down.
notice-conversation-removed = The notes have been removed.
audit-conversations-list = looked at the conversations
audit-conversation-view = read conversation notes
audit-conversations-hold = wrote down a conversation
audit-conversations-change = changed conversation notes
audit-conversations-remove = removed conversation notes

## Collaboration profiles
profile-title = How do you look at working together?
profile-explain = Everyone looks at working together in their own way. Researchers at Erasmus University found five perspectives. When you know how you and the others look at it, you understand each other better.
profile-not-a-test = This is an aid for conversation, not a scientific test. Samenspel wrote the questions. The result says nothing about who you are, only about what matters to you now.
profile-five = The five perspectives
profile-source = Source: Samen Bouwen toolkit, Erasmus School of Health Policy & Management.
profile-start = Six questions
profile-again = Fill in again
profile-how = For each question, choose the answer that fits you best. There is no right or wrong.
profile-share-field = Show my result to the other members of the circle
profile-share-hint = Without a tick only you see the result. You can always change this.
profile-submit = See my perspective
profile-result = { $count ->
    [one] This perspective fits you best
   *[other] These perspectives fit you equally well
}
profile-private-note = Only you see this.
profile-shared-note = The other members of the circle see this on your card.
profile-share = Show it to the circle
profile-unshare = Stop showing it
profile-remove = Remove the result
profile-remove-confirm = Do you want to remove your answers and the result?
profile-only-you = only you see this
profile-mine = My perspective on working together
profile-invite = Find out how you look at working together (6 questions)
profile-card-heading = Perspective on working together
profile-card-hint = An aid for conversation, not a test.
profile-card-none-me = You have not answered the questions yet.
profile-card-none = { $name } has not shared a perspective (yet).
profile-answer-every-question = Answer all six questions.
profile-choose-one = Choose one answer.
notice-profile-saved = Your answers have been saved.
notice-profile-removed = Your answers and the result have been removed.
perspective-verbinder = The connector
perspective-verbinder-line = Watches how you work together. Invests in the relationship with compliments, support and consideration. Trust comes from warm, open conversations and keeping agreements.
perspective-kenner = The expert
perspective-kenner-line = Puts the client's interest first and finds the care provider's knowledge and experience indispensable. Wants to say what they expect and agree who does what.
perspective-luisteraar = The listener
perspective-luisteraar-line = Wants care that fits the person. Values the client's life story, and an open and honest conversation, understanding, trust and compassion.
perspective-rebel = The rebel
perspective-rebel-line = Puts the client's interests first, also when a care provider has to depart from the rules for that. Wants to learn together from what client and care provider know and expect.
perspective-prater = The talker
perspective-prater-line = Wants care that meets the needs of the client and the carer. Values consultation and agreements about the right care, with the knowledge of client, carer and care provider.
profile-q1 = What do you find most important in working together?
profile-q1-verbinder = That we treat each other well: support each other and take each other into account.
profile-q1-kenner = That it is clear who does what, and that we use the care providers' knowledge.
profile-q1-luisteraar = That there is attention for the client's life story.
profile-q1-rebel = That care providers can depart from the rules when that is better for the client.
profile-q1-prater = That the care fits what the client and the carer need.
profile-q2 = When do you trust someone you work with?
profile-q2-kenner = When they know about care and have experience.
profile-q2-rebel = When they do what is needed, even if the rules do not say so.
profile-q2-prater = When they consult first and only then decide.
profile-q2-verbinder = When they keep agreements and talk warmly and openly.
profile-q2-luisteraar = When they are honest and show compassion.
profile-q3 = What do you like doing most in working together?
profile-q3-luisteraar = Listening and really getting to know the other.
profile-q3-prater = Talking it through until we agree on the right care.
profile-q3-verbinder = Giving compliments and supporting the other.
profile-q3-kenner = Saying what we expect and agreeing who does what.
profile-q3-rebel = Learning together, also from what the client knows.
profile-q4 = What do you pay most attention to?
profile-q4-rebel = Whether rules get in the client's way.
profile-q4-verbinder = How things are between the people who work together.
profile-q4-kenner = Whether the client's interest comes first and the tasks are well divided.
profile-q4-prater = Whether client, carer and care provider can all bring in their knowledge and wishes.
profile-q4-luisteraar = Whether the client is seen as a person.
profile-q5 = What bothers you most?
profile-q5-prater = When decisions about the client or the carer are made without consultation.
profile-q5-luisteraar = When nobody listens to the client's story.
profile-q5-rebel = When "that is not allowed" matters more than what the client needs.
profile-q5-kenner = When it is not clear who does what.
profile-q5-verbinder = When people do not appreciate each other.
profile-q6 = Which sentence fits you best?
profile-q6-luisteraar = Everyone has a story that matters.
profile-q6-kenner = Care providers know a lot. We should use that knowledge.
profile-q6-prater = Together we decide what good care is.
profile-q6-verbinder = Good collaboration needs looking after.
profile-q6-rebel = Rules are there for people, not the other way round.
audit-profile-view = looked at their own collaboration profile
audit-profile-save = filled in the collaboration profile
audit-profile-share = changed who sees the collaboration profile
audit-profile-remove = removed the collaboration profile

## SOFA roles of family carers
sofa-heading = Role as family carer (SOFA)
sofa-short = Role as family carer
sofa-explain = A family carer can have different roles towards the professionals (the SOFA model of Movisie and MantelzorgNL). The personal bond is always there. Which other role fits differs per situation.
sofa-none = Nothing has been marked yet. The personal bond is always there.
sofa-legend = Which roles fit now?
sofa-who-sees = Everyone in the circle sees this, so you know what you can ask of each other. The carer and the professionals can change it.
sofa-set-by = Marked by { $name } on { $date }
sofa-samenwerken = Working together: a partner in care
sofa-samenwerken-hint = Does part of the care and works together with the professionals.
sofa-ondersteunen = Supporting: needs support themselves
sofa-ondersteunen-hint = Caring is heavy. This carer needs help to keep it up.
sofa-faciliteren = Facilitating: the personal bond
sofa-faciliteren-hint = Partner, child or friend: that bond is always there. Sometimes that is enough, "just" being the loved one.
sofa-afstemmen = Aligning: knows the client best
sofa-afstemmen-hint = Knows everything about the client. The professionals align their care with what this carer knows.
sofa-role-invalid = Choose from the roles in the list.
audit-carer_roles-set = marked the role as family carer
audit-profiles-list = looked at the collaboration profiles and roles
guide-client-word = the client
profile-none = Answer the questions first.

## Carer check-in
checkin-title = How are you? (carer check-in)
checkin-explain = Caring for someone close can be heavy. Nine short statements show how much strain you feel now. Fill it in whenever you like, for example every month, and you will see how it changes. The statements are in Dutch, as published.
checkin-private = Only you see your answers and your score. Nobody else in the circle, not the professionals nor the coordinator.
checkin-score = Your score: { $score } out of { $max }
checkin-filled-in = Filled in on { $date }
checkin-trend = How your score changes
checkin-chart-title = Your scores over time
checkin-chart-summary = Filled in { $count } times. Scores, oldest first: { $scores }.
checkin-table-caption = Your scores in a table
checkin-col-date = Date
checkin-col-score = Score
checkin-start = The statements
checkin-again = Fill in again
checkin-submit = See my score
checkin-item-missing = Choose an answer.
checkin-answer-every-item = Answer all nine statements.
checkin-answer-unknown = Choose one of the answers for every statement.
checkin-source = Questionnaire EDIZ. Source: { $source }
checkin-link = How are you? Take the carer check-in
notice-checkin-saved = Your answers have been saved. Only you see them.
audit-checkins-list = looked at their own carer check-in
audit-checkins-submit = filled in the carer check-in
