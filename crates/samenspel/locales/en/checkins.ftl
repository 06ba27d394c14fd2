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
signal-heading = Could you use some help?
signal-explain = You do not have to do it alone. Let people know, so you can look at it together.
signal-audience = With whom do you want to share this?
signal-to-coordinator = with the coordinator
signal-to-circle = with everyone in the circle
signal-message = What would you like to add? (may be empty)
signal-no-score = Only that you could use some help is shared, with your message. Your answers and your score stay yours.
signal-share = Share: I could use some help
signal-shared-circle = On { $date } you shared with the circle that you could use some help.
signal-shared-coordinator = On { $date } you shared with the coordinator that you could use some help.
signal-options = What can you do now?
signal-option-respite = Ask the circle for someone to take over for a while (respite)
signal-option-coordinator = Talk to { $name } (coordinator)
signal-option-review = Look again together at who does what (review conversation)
signal-withdraw = I no longer need help
signal-audience-invalid = Choose with whom you share this.
signal-message-too-long = Make your message shorter (at most 500 characters).
signal-no-coordinator = This circle has no coordinator. Share it with the circle.
signals-heading = Help asked
signal-from = { $name } could use some help.
signal-mine = You shared that you could use some help.
signal-offer-help = Offer help in the logbook
notice-signal-shared = Shared. Below you see what you can do now.
notice-signal-withdrawn = Your message has been taken back.
audit-signals-share = shared that help is needed
audit-signals-withdraw = took the call for help back
audit-signals-list = looked at who could use help

## Volunteer check-in
volunteer-link = How is working together going for you? Fill in the volunteer check-in.
volunteer-explain = A few short questions about how working together goes for you: do you feel valued, do you know what is going on, do you have what you need, and does what you do suit you?
volunteer-private = Only you see your answers. You can share them with the coordinator.
volunteer-history = Your earlier answers
volunteer-shared-on = shared with the coordinator on { $date }
volunteer-share-this = Share this one with the coordinator
volunteer-form-heading = Fill in the volunteer check-in
volunteer-share-field = Share my answers with the coordinator
volunteer-share-hint = Only this circle's coordinators will see them. Nobody else, ever.
volunteer-shared-heading = Volunteer check-in
volunteer-shared-explain = The volunteer shared these answers with you as coordinator. Nobody else sees them.
volunteer-answer-every-item = Please answer every question.
notice-volunteer-saved = Your answers have been kept.
notice-thanks-sent = Your thank-you has been sent.
notice-reminder-saved = Your reminder has been set.
audit-volunteer_checkins-list = viewed their own volunteer check-in
audit-volunteer_checkins-submit = filled in the volunteer check-in
audit-volunteer_checkins-share = shared the volunteer check-in with the coordinator
audit-volunteer_checkins-shared = viewed shared volunteer check-ins

## Check-in reminders
reminder-heading = Reminder
reminder-none = You get no reminders.
reminder-next = The next reminder comes on { $date }.
reminder-field = Send me a reminder
reminder-hint = By e-mail, with a link to this page. The e-mail never holds your score.
reminder-off = No reminder
reminder-every = { $count ->
    [one] Every week
   *[other] Every { $count } weeks
}
reminder-weeks-invalid = Choose how often you want a reminder.
mail-reminder-subject = Time for your carer check-in
mail-reminder-lead = How are you doing, caring for { $client }?
mail-reminder-text = { $count ->
    [one] You asked for a reminder every week. It takes two minutes. Only you see the answers.
   *[other] You asked for a reminder every { $count } weeks. It takes two minutes. Only you see the answers.
}
mail-reminder-button = Fill in the check-in
audit-reminders-set = set a reminder
about-hidden = Something is written here that only others can read.
about-part-hidden = You cannot read this part: its writer or the client chose who sees it.
about-chosen-hint = You always see it.
