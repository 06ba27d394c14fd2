# Push notifications and the app on your phone (issue 18).

# On the lock screen: only the client's first name, nothing more.
push-news = New in { $own ->
        [yes] your circle
       *[no] { $client }'s circle
    }

push-circle-setting = Notifications on my phone or computer
push-circle-setting-hint = You get a notification for the same things as an e-mail that comes at once, also not during your quiet hours. Turn notifications on for a device under My account.

push-devices-heading = Notifications on your phone or computer
push-devices-explain = These devices get a notification when there is something new. It only says which circle. You see what happened when you open Samenspel.
push-devices-none = You have no device with notifications yet.
push-device-unknown = Unknown browser
push-device-since = Turned on { $date }
push-device-remove = Remove
push-enable = Turn on for this device
push-enable-denied = Your browser does not allow notifications from Samenspel. You can change that in your browser's settings.
push-enable-failed = Turning notifications on did not work. Please try again later.
push-added = Notifications are on for this device.
push-removed = The device no longer gets notifications.

push-endpoint-invalid = This notification service address is not right. It must start with https://.
push-keys-invalid = Your browser's keys are not right. Please try again.
push-too-many-devices = You already have 20 devices with notifications. Remove one first.

push-offline-title = You are offline
push-offline-text = There is no internet connection right now. You can still open pages you looked at before, such as your circle's overview.
push-offline-again = Try again
push-offline-circles = To your circles
# Above a saved page when there is no internet. The app fills in { $time }.
push-offline-notice = You are offline — this is what you last saw ({ $time }).
