# Retention terms and destruction of personal data: acts and the extract from the log (Roskomnadzor order No. 179 of 28.10.2022)
cmd-acts = acts of destruction of personal data (/export acts for the file)
acts-operator-only = The acts of destruction of personal data go to the organisation's administrator: the organisation is the operator of its participants' data. They are not given to the municipality or the RNC.
acts-export-caption = Acts of destruction of personal data: { $count }, as of { $date }. Sheet "Acts": what was destroyed, whose (internal number, no name), when, why and how; sheet "Log extract": the processing log's entries for each act.
acts-title = Acts of destruction of personal data (latest): { $count }
acts-line = No. { $number } · { $date } · participant { $subject } ({ $roles }) · { $programmes } · { $reason } · data categories: { $categories }
acts-none = No acts yet: nobody's data have been destroyed.
acts-hint = The participant is named by an internal number, not by name. All acts with the log extract as an Excel file: /export acts

## Excel workbook
acts-sheet-acts = Acts
acts-sheet-acts-title = Acts of destruction of personal data (Roskomnadzor order No. 179 of 28.10.2022)
acts-sheet-log = Log extract
acts-sheet-log-title = Extract from the event log: the entries about the participant up to the destruction, and the destruction itself
acts-col-number = Act No.
acts-col-destroyed-at = Destroyed at
acts-col-operator = Operator
acts-col-system = Information system
acts-col-subject = Subject (internal number)
acts-col-roles = Role
acts-col-programmes = Programmes
acts-col-categories = Categories of personal data destroyed
acts-col-method = Method of destruction
acts-col-reason = Reason for destruction
acts-col-reason-at = Reason arose at
acts-col-process = Destroyed by
acts-col-log-entries = Log entries
acts-col-entry = Entry No.
acts-col-entry-at = Entry time
acts-col-action = Action
acts-col-outcome = Outcome
acts-col-actor = Who acted
acts-col-target = Object
acts-col-details = Details (ids and counts)
acts-actor-subject = the participant
acts-system = Nastavnik, the mentorship programme chatbot

## Data categories
acts-category-name = name (as the participant gave it)
acts-category-representative-name = legal representative's full name
acts-category-messenger-accounts = messenger accounts (ids, usernames)
acts-category-text-answers = free-text answers and chosen options of questionnaires and forms
acts-category-choices = choice of mentor or mentee
acts-category-messages = the bot's messages to the participant
acts-category-forms-in-progress = unfinished questionnaires and dialogues
acts-category-meeting-places = meeting places
acts-category-pair-notes = the curator's notes on a pair's ending
acts-category-link-codes = account linking codes
acts-category-update-records = records of messages received from the participant
acts-category-mentions = mentions of the participant in other people's records (replaced by "—")

## Method, reason, process
acts-method-erasure-in-place = deleted from the database; in the records kept for anonymous reports, identifying values replaced by "—"
acts-reason-subject_request = consent withdrawn at the participant's request (/forget)
acts-reason-consent_withdrawn = consent withdrawn, no consent in force
acts-reason-purpose_reached = purpose of processing reached: the retention term after the programme and the federal reporting has ended
acts-process-forget-command = automatically, by the participant's /forget command
acts-process-retention-job = automatically, by the daily job destroying data past their term
