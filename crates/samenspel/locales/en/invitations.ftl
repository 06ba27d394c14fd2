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
