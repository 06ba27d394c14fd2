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
mail-no-account-subject = Signing in to Samenspel
mail-no-account-greeting = Hello,
mail-no-account-body = Someone asked for a sign-in link for this e-mail address. Samenspel has no account with this address.
mail-no-account-hint = Were you invited to a circle? Then open the link in that invitation, or try the e-mail address you were invited with.
mail-no-account-ignore = Did you not ask for anything? Then you can ignore this e-mail.
mail-join-subject = Confirm your e-mail address for Samenspel
mail-join-body = { $inviter } invited you to the circle of { $client } in Samenspel.
mail-join-next = Click the button to confirm your e-mail address. Then you are a member of the circle and see what is going on.
mail-join-button = Confirm and join
