## The second step when signing in (authenticator app and recovery codes)
second-factor-title = Second step when signing in
second-factor-explain = A second step makes signing in safer. After your password or your sign-in link, Samenspel asks for a 6-digit code. That code is in an authenticator app on your phone. Such an app makes a new code every 30 seconds. Only your phone knows these codes. Someone who has your password or your e-mail still cannot get to your information.
second-factor-manage = Set up the second step
second-factor-back-to-account = Back to my account
second-factor-must-set-up = A second step is required for your account. Set it up first. Then you can go on.
second-factor-on = The second step is on
second-factor-off = The second step is off
second-factor-app-heading = Authenticator app
second-factor-app-start-button = Set up an authenticator app
second-factor-required = The second step is required for you. That is because you work with clients' information, or because your organisation asks for it.
second-factor-voluntary = You may choose whether you use the second step. It makes your account safer.
second-factor-start-button = Set up the second step
second-factor-recovery-left = { $count ->
    [one] You have 1 recovery code left.
   *[other] You have { $count } recovery codes left.
}
second-factor-devices = { $count ->
    [one] On 1 device you need not give a code for 30 days.
   *[other] On { $count } devices you need not give a code for 30 days.
}
second-factor-devices-forget = Forget all devices
second-factor-off-heading = Turn the second step off
second-factor-off-explain = Do you no longer want to use the second step? Then give a code from your app and turn it off. Your recovery codes stop working.
second-factor-off-required = The second step is required for you. You cannot turn it off. Lost your phone? Ask your organisation's administrator for help.
second-factor-off-button = Turn the second step off
second-factor-setup-heading = How to set up the second step
second-factor-setup-step-app = Put an authenticator app on your phone. That is an app that makes sign-in codes. You find one in your phone's app store, for example Microsoft Authenticator, Google Authenticator or FreeOTP. They are free.
second-factor-setup-step-scan = Open the app and choose to add an account. Then scan this square code (QR code) with your phone's camera.
second-factor-setup-or-type = Scanning does not work? Then type this secret key into the app:
second-factor-secret-label = Secret key for the app
second-factor-setup-step-code = The app now shows a 6-digit code. Type that code below. That way we know it works.
second-factor-confirm-button = Check the code and turn on
second-factor-code-label = Code
second-factor-code-hint = The 6 digits from your authenticator app. Don't have your phone with you? Then type one of your recovery codes.
second-factor-code-title = Give your code
second-factor-code-explain = You are almost signed in. Open the authenticator app on your phone and type the 6-digit code you see there.
second-factor-step-up-explain = This information has extra protection. So give a code from your authenticator app once more. Then you can go on for 15 minutes without a code.
second-factor-remember = Remember this device for 30 days
second-factor-remember-hint = Then we do not ask for a code on this device for 30 days. Only do this on your own computer or phone, not on a computer you share with others.
second-factor-code-button = Continue
second-factor-lost = Lost your phone and no recovery codes left? Ask your organisation's administrator to turn the second step off. Then you can set it up again.
second-factor-locked = { $count ->
    [one] You gave a wrong code too often. That is why even a right code does not work for a while. Try again in 1 minute.
   *[other] You gave a wrong code too often. That is why even a right code does not work for a while. Try again in { $count } minutes.
}
second-factor-codes-title = Your recovery codes
second-factor-enabled-notice = The second step is on.
second-factor-codes-explain = These are your recovery codes. You use a recovery code when you do not have your phone with you or have lost it. You type it instead of the code from the app. Each recovery code works only once.
second-factor-codes-once = You see these codes only once. Write them down or print them, and keep them in a safe place. Not on your phone.
second-factor-codes-done = I have kept the codes
second-factor-disabled-notice = The second step is off.
second-factor-devices-forgotten-notice = All devices are forgotten. You will give a code there again when signing in.

## Error messages
second-factor-code-wrong = This code is not right. Look carefully at the code in your app and type it again. A code works only once.
second-factor-start-again = Setting up did not work. Start again.
second-factor-already-on = The second step is already on.
second-factor-not-on = You have not set up a second step.
second-factor-sign-in-expired = Signing in took too long. Sign in again.
second-factor-needed-for-token = Set up a second step first. Then you can make a key.

## Who looked: lines about the second step
audit-second-factor-enabled = turned the second step on
audit-second-factor-disabled = turned the second step off
audit-second-factor-step-up = gave a code for information with extra protection
audit-second-factor-devices-forgotten = had all remembered devices forgotten
audit-second-factor-device-remembered = had a device remembered for 30 days
audit-second-factor-wrong-code = gave a wrong code
audit-second-factor-locked = gave a wrong code too often and must wait a while
audit-second-factor-recovery-code-used = used a recovery code
audit-second-factor-signed-in = signed in with the second step
audit-second-factor-reset = had the second step turned off by the administrator
