## Signing in with your work account (single sign-on)

sso-heading = Sign in with your work account
sso-explain = Do you work at { $label }? Then sign in with your work account.
sso-button = Sign in with { $label }
sso-failed-title = Signing in with { $label } did not work
sso-back = Back to signing in
sso-provider-down = We could not reach your organisation's sign-in page. Please try again in a few minutes.
sso-attempt-gone = This sign-in has expired or was used already. Start again on the sign-in page.
sso-cancelled = Signing in was cancelled. Start again on the sign-in page.
sso-refused = Your organisation's answer was not right. Start again on the sign-in page. If it still does not work, ask your administrator for help.
sso-no-account = Samenspel has no account with your work e-mail address yet. Ask your administrator or a coordinator to invite you.
sso-signed-out-title = You are signed out
sso-signed-out-text = You are signed out of Samenspel. We are sending you on to sign out at your organisation too.
sso-signed-out-button = On to your organisation
