## A pair's messages through the bot and flags to the curator

cmd-write = write to your mentor or mentee through the bot
cmd-flag = tell the curator about a problem
cmd-relay = read a pair's messages once a flag is raised: /relay <pair number>
cmd-contacts-allow = let a pair exchange contacts: /contacts_allow <pair number>
lc-relay-usage = Give the pair's number from /pairs, e.g. /relay 3
lc-contacts_allow-usage = Give the pair's number from /pairs, e.g. /contacts_allow 3

lc-pair-relayed = In this programme you write to each other through the bot: no phone numbers or accounts are passed on. Press "✉️ Write" or type /write and I will pass your message on.
lc-pair-relayed-curator = The pair writes through the bot, without contacts. To let them exchange contacts: /contacts_allow { $number }

relay-title = Messages through the bot
relay-prompt = { $last ->
    [sent] ✓ Passed on.
    [later] ✓ Received. It is quiet hours now — I will pass it on at { $at }.
   *[other] You are writing to: { $partner }.
} Write your next message and I will pass it on with your name.
relay-hint = I do not pass on phone numbers, e-mails, @names or messenger links. To leave, press the button below or type /cancel.
relay-btn-leave = ⬅️ Leave the conversation
relay-left = You have left the conversation. To write again, type /write.
relay-not-yours = These are another pair's messages: you cannot write to or read them.
relay-pair-ended = This pair has ended; its conversation is closed.
relay-only-contacts = The message held only contacts, and I do not pass those on: that is the programme's rule, so that everyone feels safe. Please write it in words.
relay-contacts-removed = I took contacts out of the message (a phone number, an e-mail, an @name or a link): in this programme people write through the bot. If you really need contacts, ask the curator.
relay-support = If things are hard for you right now, you are not alone. Call the children's helpline: 8-800-2000-122 (free, day and night). The programme's curator will contact you soon too.
relay-incoming = ✉️ { $role ->
    [mentor] Mentor
   *[mentee] Mentee
} { $name } writes:

{ $text }
relay-btn-reply = ↩️ Reply
relay-btn-write = ✉️ Write
relay-btn-write-with = ✉️ { $with }
relay-btn-flag = 🚩 Tell the curator about a problem
relay-no-pair = You have no pair yet. Once the curator confirms one, you can write to each other here.
relay-choose-pair = Whom do you want to write to?
relay-choose-pair-first = First choose whom to write to, then send your message again.
relay-flag-usage = To tell the curator about a problem, press "🚩 Tell the curator about a problem" under a message or after a meeting's feedback.
relay-flag-raised = Thank you for telling us. The curator has been alerted and will contact you.
relay-flag-already = The curator has this flag already and will contact you.
relay-flag-alert = { $urgent ->
    [yes] 🚨 Urgent:
   *[no] 🚩
} a flag on pair No. { $number } ({ $mentor } — { $mentees }): { $reason ->
    [self_harm] words about self-harm
    [violence] words about violence or threats
    [bullying] words about bullying
    [private_meeting] an invitation to meet alone
   *[button] a participant reported a problem
} { $origin ->
    [feedback] in a meeting's feedback.
   *[relay] in their messages.
} Contact the pair. To read their messages: /relay { $number } (both sides will see that you read them).
relay-btn-read = 📖 Read the messages
relay-read-notice = The curator read your correspondence on { $date }: this happens when a problem is reported.
relay-read-no-flag = A pair's messages can be read only once a flag is raised (by a participant, or by words from the list).
relay-read-title = Messages of pair No. { $number } ({ $mentor } — { $mentees }): the last { $shown } of { $total }.
relay-read-line = { $at } — { $role ->
    [mentor] mentor
   *[mentee] mentee
} { $name }:
{ $text }
relay-read-empty = No messages yet.
relay-read-told = Both sides will be told that you read their messages.
relay-contacts-not-relayed = Pair No. { $number } does not write through the bot: they have each other's contacts already.
relay-contacts-allowed-curator = Pair No. { $number } has been sent each other's contacts.
relay-contacts-already = Pair No. { $number } may exchange contacts already.
relay-contacts-allowed = The curator has allowed you to exchange contacts:
relay-overdue-flag = 🚩 A flag on pair No. { $number } ({ $mentor } — { $mentees }) of { $at }: { $reason ->
    [self_harm] words about self-harm
    [violence] words about violence or threats
    [bullying] words about bullying
    [private_meeting] an invitation to meet alone
   *[button] a participant reported a problem
} { $origin ->
    [feedback] in a meeting's feedback
   *[relay] in their messages
}. To read: /relay { $number }
