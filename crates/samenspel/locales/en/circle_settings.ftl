## Circle settings
settings-contact-heading = Who sees my e-mail address?
settings-contact-explain = You decide who in this circle may see your e-mail address.
settings-contact-legend = My e-mail address is visible to
settings-edit-heading = Name and explanation of the circle
settings-archive-heading = Archive the circle
settings-archive-explain = Do this when care ends. The circle is kept, but only the client, the representative and the managers can still see it. Nobody can change anything in it.
settings-archive-confirm = Are you sure you want to archive this circle?
settings-archive-button = Archive the circle
settings-restore-heading = Bring the circle back
settings-restore-explain = This circle is archived. Bring it back when care starts again.
settings-restore-button = Bring the circle back
settings-leave-heading = Leave this circle
settings-leave-explain = After leaving you will not see anything in this circle. Someone can invite you again later.
settings-leave-confirm = Are you sure you want to leave this circle?
settings-leave-button = Leave the circle
settings-retention-explain = Your organisation keeps an archived circle for { $days } days. After that, everything in the circle is deleted: the logbook, the agreements, the agenda and This is me.
settings-retention-deleted-on = On { $date } this circle is deleted, with everything in it. Your organisation keeps an archived circle for { $days } days. Bring the circle back if that must not happen.
