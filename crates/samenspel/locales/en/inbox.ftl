# The coach's inbox (issue 14): what needs a person across my circles.
inbox-title = To do
inbox-link = To do
inbox-explain = { $count ->
    [one] What in your circle needs a person. Take something on, and other coordinators see that you are on it. Finished? Mark it done.
   *[other] What in your { $count } circles needs a person. Take something on, and other coordinators see that you are on it. Finished? Mark it done.
}
inbox-empty = Nothing is waiting. Well done!
inbox-kind-signal = Family carers who could use help
inbox-kind-help = Help requests without an answer
inbox-kind-shift = Shifts this week without anyone
inbox-kind-review = Agreements to talk about
inbox-kind-newcomer = New members to get to know
inbox-since = Since { $date }
inbox-nobody = Nobody has taken this on yet.
inbox-on-it = Taken on by { $name }
inbox-on-it-me = you
inbox-claim = I will take this on
inbox-done = Done
inbox-claimed-notice = You are on it. Others see that now.
inbox-done-notice = Marked done.
audit-inbox-circle = looked at what there is to do in the circle
audit-inbox-claim = took something on from the to-do list
audit-inbox-done = marked something done on the to-do list
