# Whole-cohort matching of mentors and mentees (src/domain/matching).
# Every key starts with "match-"; the key set is the same as in locales/ru/matching.ftl.
# The app replaces the codes in $items (interests, goals, slots) with the questionnaire's texts.

## Matching modes
match-mode-best-total = Best fit
match-mode-best-total-hint = the largest total score over the whole cohort
match-mode-most-matched = Most pairs
match-mode-most-matched-hint = as many mentees with a mentor as possible first, then the largest score
match-mode-stable = Stable pairs
match-mode-stable-hint = no mentor and mentee would both rather be with each other than in their pairs

## Score of a pair
match-score = { $score ->
    [one] { $score } point
   *[other] { $score } points
}

## Why a pair is suggested
match-reason-mutual-choice = chose each other (mentee's choice no. { $menteeRank }, mentor's choice no. { $mentorRank })
match-reason-mentee-choice = the mentee chose this mentor (choice no. { $rank })
match-reason-mentor-choice = the mentor chose this mentee (choice no. { $rank })
match-reason-competencies = the mentor can help with: { $items }
match-reason-profile-fit = matches the wished-for mentor profile: { $items }
match-reason-shared-interests = shared interests: { $items }
match-reason-grade-fit = grade { $grade } is what the mentor prefers
match-reason-time-fit = convenient time: { $items }
match-reason-format-fit = meeting format: { $items }
match-reason-no-common-time = no common time to meet
match-reason-no-common-format = no common meeting format
match-reason-grade-outside = grade { $grade } is outside the mentor's preference ({ $min }–{ $max })

## Why a mentee was left without a mentor
match-unmatched-no-candidates = every mentor is excluded for this mentee (a conflict or a rejected pair), or there are no mentors
match-unmatched-no-mutual-choice = no mentor with the (mutual) choice the matching rules require
match-unmatched-no-compatible-time = no available mentor shares a meeting time
match-unmatched-no-must-have = no mentor meets the programme's must-haves (common time, meeting format, grade); they can be changed with /match_settings
match-unmatched-no-capacity = suitable mentors exist ({ $candidates }), but their places are taken
match-unmatched-suggestion-rejected = the suggested pair was rejected; a new matching is needed (/match)
match-unmatched-awaiting-confirmation = a pair is suggested and waits for confirmation (/match)
match-unmatched-after-run = joined after the matching; run /match again
match-unmatched-pair-ended = the confirmed pair has ended; a new mentor is needed

## Curator commands
match-cmd-match = match pairs over the whole programme: /match, /match best, /match most or /match stable
match-cmd-confirm = confirm a suggested pair: /confirm <number>
match-cmd-reject = reject a suggested pair: /reject <number> [reason]
match-cmd-confirm-all = confirm every suggested pair
match-cmd-unmatched = mentees without a mentor, and why
match-choose-mode = How should pairs be matched? Matching uses the questionnaires, the mutual choice, mentors' capacity, rejected pairs and pairs ended in conflict.
    • Best fit — the largest total score over the whole cohort;
    • Most pairs — as many mentees with a mentor as possible first;
    • Stable pairs — nobody would rather be with each other than in their pairs.
match-started = Matching («{ $mode }») has started. The result will come here when it is ready: usually within seconds, for a large programme within a minute or two.
match-progress = The questionnaires are read: { $mentees } mentees, { $mentors } mentors. Pairs are being chosen across the whole programme; the result will come here.
match-usage = I did not understand the matching mode. Choose: best fit (best), most pairs (most) or stable pairs (stable).
match-run-title = Matching — "{ $programme }", mode "{ $mode }".
    Pairs suggested: { $matched } of { $mentees } mentees without a pair; without a mentor: { $unmatched }; pairs already confirmed: { $kept }. Total score: { $total }.
match-no-suggestions = Nothing to suggest: no mentees without a pair, or no suitable mentors with places.
match-page = Page { $page } of { $pages }:
match-suggestion = No. { $number }. { $mentor } → { $mentee } — { $score }
match-status-confirmed = ✅ confirmed
match-status-rejected = ✖ rejected
match-status-superseded = outdated (there is a newer matching)
match-hint = The buttons below confirm or reject a pair; you can also type /confirm <number>, /reject <number> <reason>, /confirm_all.
match-btn-confirm = ✅ Confirm no. { $number }
match-btn-reject = ✖ Reject no. { $number }
match-btn-prev = ◀ Previous
match-btn-next = More ▶
match-btn-confirm-all = ✅ Confirm all ({ $count })
match-btn-unmatched = Without a mentor
match-btn-latest = Latest matching
match-btn-pairs = Pairs of the programme
match-stale-run = These are suggestions of an earlier matching; matching has been run again since.
match-confirm-usage = Give the number of a suggested pair: /confirm 12. The list: /match.
match-reject-usage = Give the number of a suggested pair and, if you like, a reason: /reject 12 different interests.
match-not-found = There is no suggested pair no. { $number } in this programme. The list: /match.
match-superseded = Pair no. { $number } is from an earlier matching. Run /match for the current suggestions.
match-already-confirmed = Pair no. { $number } is already confirmed.
match-already-rejected = Pair no. { $number } is already rejected and will not be suggested again.
match-problem-mentor-full = The mentor of pair no. { $number } has no places left. Run /match again.
match-problem-mentee-in-pair = The mentee of pair no. { $number } is already in another pair. Run /match again.
match-problem-mentor-not-approved = The mentor of pair no. { $number } may no longer work in the programme. Run /match again.
match-problem-mentee-not-in-programme = The mentee of pair no. { $number } is no longer in the programme. Run /match again.
match-confirmed = Pair no. { $number } is confirmed: { $mentor } → { $mentee }. The mentor and the mentee got the result with each other's and the curator's contacts.
match-reject-reason-updated = The reason for rejecting pair No. { $number } is recorded.
match-rejected = Pair no. { $number } is rejected and will not be suggested again. You can give a reason: /reject { $number } <reason>.
match-rejected-with-reason = Pair no. { $number } is rejected, the reason is recorded. This pair will not be suggested again.
match-nothing-open = There are no suggestions waiting. Run matching: /match.
match-confirmed-all = Confirmed: { $pairs } (pairs and groups), mentees: { $mentees }. Everyone got the result and the contacts.
match-confirm-all-failed = Could not confirm suggestions no. { $numbers }: the programme has changed. Run /match again.
match-no-run = Matching has not been run in this programme yet: /match.
match-unmatched-title = Mentees without a mentor: { $count }.
match-unmatched-line = • { $name } — { $reason }
match-unmatched-none = Every mentee got a mentor or is already in a pair.
match-unmatched-hint = They need an extra meeting: to clarify the request or find a mentor.
match-alert-unmatched = Matching in "{ $programme }": mentees left without a mentor — { $count }. They need an extra meeting.

## Reason for rejecting (the Reject button)
match-reject-why = Why reject pair no. { $number } ({ $mentor } → { $mentee })? Choose a reason: it is recorded, and this pair will not be suggested again.
match-reject-reason-schedule = Different schedules
match-reject-reason-interests = Interests do not match
match-reject-reason-conflict = Conflict / incompatibility
match-reject-reason-own = Another reason, I will type it
match-reject-reason-none = No reason
match-reject-own-title = Reason for rejecting a pair
match-reject-own-prompt = Type in one message why pair no. { $number } is rejected. Changed your mind? /cancel, and the pair stays suggested.

## Matching rules (/match_settings)
match-cmd-match-settings = matching rules: must-haves and points
match-settings-title = Matching rules — “{ $programme }”
match-settings-must = Must-haves. A pair that does not meet them is never suggested, even when the mentor and the mentee chose each other. A question a person did not answer never rules a pair out.
match-settings-must-time = • a common time to meet — { $state } (default { $default })
match-settings-must-format = • a common meeting format, in person or online — { $state } (default { $default })
match-settings-must-grade = • the mentee's grade among those the mentor wants to work with — { $state } (default { $default })
match-settings-on = yes
match-settings-off = no
match-settings-weights = Points. A pair's score is their sum; matching looks for the pairs with the best total over the whole programme. The more points, the more a feature counts; 0 — not counted.
match-settings-weight-mutual = • chose each other in the mutual-choice survey ({ $name }) — { $points } (default { $default }): a mutual choice counts above everything else
match-settings-weight-onesided = • chosen by one side only ({ $name }) — { $points } (default { $default }): helps a pair that fits, never outweighs the questionnaires
match-settings-weight-goals = • the mentor can help with a goal of the mentee ({ $name }) — { $points } each, up to three (default { $default })
match-settings-weight-profile = • the mentor is what the mentee asked for ({ $name }) — { $points } per match, up to three (default { $default })
match-settings-weight-interests = • a shared interest ({ $name }) — { $points } each, up to three (default { $default })
match-settings-weight-grade = • the mentee's grade among those the mentor prefers ({ $name }) — { $points } (default { $default })
match-settings-weight-time = • a common time to meet ({ $name }) — { $points } each, up to three (default { $default })
match-settings-weight-format = • a common meeting format ({ $name }) — { $points } (default { $default })
match-settings-hint = A button turns a must-have on or off. Points are changed by typing, e.g. /match_settings goals 50 (a whole number from 0 to 1000). Back to the defaults: /match_settings reset. The new rules apply from the next matching (/match).
match-settings-btn-time = Common time required: { $state }
match-settings-btn-format = Common format required: { $state }
match-settings-btn-grade = Suitable grade required: { $state }
match-settings-btn-reset = Back to the default rules
match-settings-saved = Saved. The new rules apply from the next matching (/match).
match-settings-reset-done = The matching rules are the defaults again.
match-settings-usage = I did not understand what to change. Examples: /match_settings goals 50 — points per goal; /match_settings time — whether a common time is required; /match_settings reset — the default rules.

## What each way of matching gives (/match without a mode)
match-comparing = Comparing the ways of matching over the whole programme. The result comes here; then pick one with one tap.
match-tradeoff-title = What each way gives in “{ $programme }” (mentees without a pair: { $mentees }):
match-tradeoff-line = • { $mode }: { $matched } of { $mentees } get a pair; mutual choices honoured: { $mutual } of { $mutualAll }; pairs without a common time: { $noTime }.
match-tradeoff-hint = Pick a way with a button below — the bot matches that way and shows the pairs to confirm.
