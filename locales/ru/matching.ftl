# Подбор пар наставник — наставляемый по всей когорте программы (src/domain/matching).
# Все ключи начинаются с «match-»; набор ключей тот же, что в locales/en/matching.ftl.
# Коды в $items (интересы, цели, слоты) приложение заменяет текстами анкеты.

## Режимы подбора
match-mode-best-total = Лучшее совпадение
match-mode-best-total-hint = наибольший суммарный балл по всей когорте
match-mode-most-matched = Больше пар
match-mode-most-matched-hint = сначала как можно больше наставляемых с наставником, затем наибольший балл
match-mode-stable = Устойчивые пары
match-mode-stable-hint = ни наставник, ни наставляемый не предпочли бы друг друга своим парам

## Балл пары
match-score = { $score ->
    [one] { $score } балл
    [few] { $score } балла
   *[many] { $score } баллов
}

## Почему предложена пара (в скобках — вклад в балл)
match-reason-mutual-choice = выбрали друг друга (наставляемый — { $menteeRank }-й выбор, наставник — { $mentorRank }-й)
match-reason-mentee-choice = наставляемый выбрал наставника ({ $rank }-й выбор)
match-reason-mentor-choice = наставник выбрал наставляемого ({ $rank }-й выбор)
match-reason-competencies = наставник поможет с целями: { $items }
match-reason-profile-fit = подходит к желаемому профилю наставника: { $items }
match-reason-shared-interests = общие интересы: { $items }
match-reason-grade-fit = { $grade } класс — в предпочтениях наставника
match-reason-time-fit = удобное время: { $items }
match-reason-format-fit = формат встреч: { $items }
match-reason-no-common-time = нет общего времени для встреч
match-reason-no-common-format = нет общего формата встреч
match-reason-grade-outside = { $grade } класс — вне предпочтений наставника ({ $min }–{ $max })

## Почему наставляемый остался без пары
match-unmatched-no-candidates = все наставники исключены для этого наставляемого (конфликт или отклонённая пара) или наставников нет
match-unmatched-no-mutual-choice = нет наставника, с которым есть выбор, а правила подбора требуют (взаимного) выбора
match-unmatched-no-compatible-time = ни у одного доступного наставника нет общего времени, и никто не выбрал друг друга
match-unmatched-no-capacity = подходящие наставники есть ({ $candidates }), но их места заняты
