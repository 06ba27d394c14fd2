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
