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
