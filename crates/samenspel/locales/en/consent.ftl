## Who sees what: consent per kind of information

consent-title = Who sees what
more-consent-hint = Who may see which information about the client.
settings-consent-explain = The client decides who sees what in the circle.
settings-consent-link = See who sees what
consent-intro = { $own ->
        [yes] You decide who may see what in your circle.
       *[no] { $client } decides who may see what in the circle.
    }
consent-client-side = The client and the representative always see everything.
consent-how = Tick who may see something. Untick it when someone may not see it.
consent-at-once = A change holds at once: on the site, in the app, in calendar apps and in e-mails.
consent-only-client = { $own ->
        [yes] You or your representative can change this.
       *[no] Only { $client } or the representative can change this.
    }
consent-everyone = Everyone in the circle may see this.
consent-not-for = Not for: { $roles }.
consent-decided = { $name } ({ $role }) decided this on { $date }.

consent-role-relative = relatives
consent-role-volunteer = volunteers
consent-role-professional = professionals
consent-role-coordinator = coordinators

consent-category-updates = Logbook: updates
consent-category-updates-hint = What was done and how it went. Whoever may not see this does not see these entries and gets no e-mail about them.
consent-category-moments = Logbook: good moments
consent-category-moments-hint = Good moments with the client. Whoever may not see this does not see them in the logbook or the overview.
consent-category-concerns = Logbook: concerns
consent-category-concerns-hint = What someone notices or worries about. Whoever may not see this cannot answer either.
consent-category-questions = Logbook: questions
consent-category-questions-hint = Questions to the circle. Whoever may not see this cannot answer them either.
consent-category-thanks = Logbook: thank-yous
consent-category-thanks-hint = Thank-yous between members. Whoever may not see this gets no thank-you either.
consent-category-agenda = Agenda and rota
consent-category-agenda-hint = Appointments, activities, shifts and help requests. Whoever may not see this cannot sign up for a shift either.
consent-category-about_client = About me and the wellbeing plan
consent-category-about_client-hint = Who the client is, what matters, the goals. Whoever may not see this cannot add to it either.
consent-category-agreements = Agreements: who does what
consent-category-agreements-hint = Who has which task. Whoever may not see this cannot make agreements either.
consent-category-network = Network map
consent-category-network-hint = The people around the client. Whoever may not see this cannot change the map either.
consent-category-conversations = Conversations
consent-category-conversations-hint = The answers from conversations held with the guides. Whoever may not see this cannot record a conversation either.
consent-category-carer_signals = Carers' signals
consent-category-carer_signals-hint = When a family carer says help is welcome. Whoever may not see this does not see the signal.

consent-view-as-heading = See the circle as someone else
consent-view-as-explain = See what someone with another role does and does not see.
consent-view-as-relative = See as a relative
consent-view-as-volunteer = See as a volunteer
consent-view-as-professional = See as a professional
consent-view-as-coordinator = See as a coordinator
consent-seen-by-relative = How a relative sees the circle
consent-seen-by-volunteer = How a volunteer sees the circle
consent-seen-by-professional = How a professional sees the circle
consent-seen-by-coordinator = How a coordinator sees the circle
consent-view-as-intro = Here you see, part by part, what this role sees. What is hidden says why.
consent-view-as-other = See also as:
consent-back = Back to who sees what
consent-sees-count = Sees { $shown } of { $of }.
consent-hidden-by-writer = { $count ->
        [one] 1 entry is for a smaller group. The writer chose who may see it.
       *[other] { $count } entries are for a smaller group. The writer chose who may see them.
    }
consent-hidden = Hidden.
consent-hidden-no-decider = The client chose this.
consent-latest = Newest entries this role sees
consent-latest-none = This role sees no logbook entries.

notice-consent-saved = Saved. This holds at once for everyone in the circle.
consent-category-unknown = This kind of information does not exist.
consent-role-unknown = Choose a relative, volunteer, professional or coordinator.

audit-consent-view = looked at who sees what
audit-consent-save = changed who sees what
audit-consent-view_as = looked at the circle as another role
audit-consent-change = changed who sees what
consent-category-export = Transfer to a care record
consent-category-export-hint = A professional can download the circle for their own care record system (FHIR). It holds only what that person may see. Whoever may not do this cannot download anything.
consent-nothing-yet = Nothing here yet.
consent-export-everyone = Every professional and coordinator may do this.
