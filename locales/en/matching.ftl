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
match-unmatched-no-compatible-time = no allowed mentor shares a time slot, and nobody chose anybody
match-unmatched-no-capacity = suitable mentors exist ({ $candidates }), but their places are taken
