# Messengers: invitation links, the organisation's messengers.
messengers-invite-no-link = { $messenger }: the bot is not set up yet, so there is no link
