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
