# Commands and common answers
role-mentor = mentor
role-mentee = mentee
role-curator = curator
language-ru = Русский
language-en = English
language-choose = Choose your language:
language-set = Done, I will write in English now.
cmd-start = start, or join a programme with an invitation
cmd-help = what I can do
cmd-cancel = stop the current form or dialog
cmd-language = change the language (Русский / English)
cmd-link = link your accounts in MAX, VK and Telegram
cmd-back = go back to the previous question
cmd-skip = skip an optional question
help-intro = I am the mentorship programme bot: mentors and mentees fill in forms, arrange meetings and give feedback here, and curators run the programme.
help-section-everyone = For everyone:
help-section-participant = For participants:
help-section-mentee = For mentees:
help-section-mentor = For mentors:
help-section-curator = For curators:
help-section-administrator = For administrators:
help-join = To join a programme, open the invitation link from your curator or send me the invitation code.
start-no-invitation = Hello! I am the mentorship programme bot.
    To join, you need an invitation link or code from the programme's curator at your school, college or organisation. Open the link, or just send me the code.
start-welcome-back = Welcome back! Type /help to see what you can do.
start-resume = Welcome back! Let us go on where we stopped:
unknown-command = I do not know the command /{ $command }. Type /help for the list of commands.
stale-button = That button no longer works.
not-understood = I did not understand that message. Type /help to see what I can do.
unsupported-input = I understand text and button presses, but not stickers, photos or voice messages. Type /help.
cancel-nothing = There is nothing to cancel right now.
cancel-confirm = Stop “{ $title }”? The answers you have not sent yet will be deleted, and you will have to start over.
    If you only need a break, press nothing: your answers are kept, and you can go on with /questionnaire or /forms.
cancel-confirm-yes = Stop and delete the answers
cancel-confirm-no = Go on with the form
error-temporarily-unavailable = The service is temporarily unavailable. Nothing is lost — please try again in a minute.
error-internal = Something went wrong. Please try again; if it does not help, write to your curator.
link-issued = Your account link code: { $code }
    Open the bot in your other messenger (MAX, VK or Telegram) and send there: /link { $code }
    The code works for 15 minutes.
link-linked = Done: this account is now linked to your profile. I will recognise you in each of your messengers.
link-already = This account is already linked to your profile.
link-unknown-code = That code is unknown or expired. Get a new one with /link in the other messenger.
link-has-own-data = You already have a separate profile with forms in this messenger, so it cannot be linked automatically. Please ask your curator.
link-not-allowed = Your school runs its mentorship programme only in other messengers, so this account cannot be linked here. The code still works: send it to the bot in an allowed messenger.
link-join-first = Please join a programme with an invitation first.
error-too-many-messages = Too many messages in a row. I will answer them in order and skip the extra ones — please wait a little.
