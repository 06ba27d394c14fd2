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
image-too-large = This photo has too many pixels to process (at most 40 megapixels, and at most 10,000 on a side). Please send a smaller version.
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
mail-entry-concern-lead = { $author } shares a concern in { $own ->
        [yes] your circle
       *[no] the circle of { $client }
    }:
mail-entry-question-subject = There is a new question in Samenspel
mail-entry-question-lead = { $author } asks a question in { $own ->
        [yes] your circle
       *[no] the circle of { $client }
    }:
mail-entry-thanks-subject = Someone thanks you in Samenspel
mail-entry-thanks-lead = { $author } thanks you in { $own ->
        [yes] your circle
       *[no] the circle of { $client }
    }:
mail-entry-button = Read and reply
mail-reply-subject = There is an answer in Samenspel
mail-reply-lead = { $author } replied in { $own ->
        [yes] your circle
       *[no] the circle of { $client }
    }:
mail-digest-daily-subject = Your daily summary from Samenspel
mail-digest-weekly-subject = Your weekly summary from Samenspel
mail-digest-daily-lead = This happened today in { $own ->
        [yes] your circle
       *[no] the circle of { $client }
    }:
mail-digest-weekly-lead = This happened this week in { $own ->
        [yes] your circle
       *[no] the circle of { $client }
    }:
mail-digest-open = Go to the circle
mail-digest-read = Read
mail-settings-footer = Fewer or other e-mails? One click:
mail-settings-link = change notifications
mail-shifts-footer = No more e-mails about your shifts? One click:
mail-shifts-link = no more e-mails about my shifts
mail-check-in-footer = Don't want this reminder any more? One click:
mail-check-in-link = no more reminders

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
audience-professionals-hint = Care workers and coordinators.
audience-informal-hint = Family, relatives and volunteers.
audience-client-always = The client and the representative can always read this.
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
notifications-explain = How do you want to hear what happens in { $own ->
        [yes] your circle
       *[no] the circle of { $client }
    }?
notifications-immediate = E-mail me at once about a new question or concern, a thank-you for me, and an answer to my question
notifications-immediate-hint = Only when you may see the message.
notifications-digest = A summary of everything else
notifications-shifts = E-mail me the day before my shift, and when someone looks for cover for a shift I could do
notifications-check-in = { $count ->
    [one] You get a reminder for your carer check-in every week.
   *[other] You get a reminder for your carer check-in every { $count } weeks.
}
notifications-check-in-stop = No more reminders
stop-title-news = No more news about this circle by e-mail?
stop-explain-news = You will then get no e-mail about new messages and no summary. You still get e-mails about your shifts.
stop-title-shifts = No more e-mails about your shifts?
stop-explain-shifts = You will then get no reminder the day before your shift, and we will not ask you by e-mail to take over a shift. Your shifts stay in the agenda.
stop-title-check-in = No more reminders for the carer check-in?
stop-explain-check-in = You will then get no e-mail to remind you. You can always fill in the check yourself.
stop-button = Yes, stop these e-mails
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
notice-news-mail-stopped = You will get no more news about this circle by e-mail. You can turn it back on below.
notice-shift-mail-stopped = You will get no more e-mails about your shifts. You can turn them back on below.
notice-check-in-reminders-stopped = You will get no more reminders for the carer check-in.
overview-for-me-heading = For you
overview-for-me-nothing = Nothing is waiting for you right now.
overview-answered = Answer to your question
overview-close-question = Close
overview-swap-asked = { $name } asks if you want to swap:
overview-help-can-you = Can you help?
overview-help-choose = { $count ->
    [one] Someone offers to help. Choose who helps:
   *[other] { $count } people offer to help. Choose who helps:
}
overview-own-signal-link = See what you can do
overview-changes-heading = Changes
overview-all-new-count = { $count ->
    [one] Read the new message
   *[other] Read all { $count } new messages
}
