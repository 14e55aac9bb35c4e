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
match-unmatched-no-compatible-time = ни у одного доступного наставника нет общего времени для встреч
match-unmatched-no-must-have = ни один наставник не подходит по обязательным условиям программы (общее время, формат встреч, класс); их можно изменить в /match_settings
match-unmatched-no-capacity = подходящие наставники есть ({ $candidates }), но их места заняты
match-unmatched-suggestion-rejected = предложенная пара отклонена; нужен новый подбор (/match)
match-unmatched-awaiting-confirmation = пара предложена и ждёт подтверждения (/match)
match-unmatched-after-run = в программе с момента после подбора; запустите /match ещё раз
match-unmatched-pair-ended = подтверждённая пара завершилась; нужен новый наставник

## Команды куратора
match-cmd-match = подбор пар по всей программе: /match, /match best, /match most или /match stable
match-cmd-confirm = подтвердить предложенную пару: /confirm <номер>
match-cmd-reject = отклонить предложенную пару: /reject <номер> [причина]
match-cmd-confirm-all = подтвердить все предложенные пары
match-cmd-unmatched = наставляемые без наставника и почему
match-choose-mode = Как подбирать пары? Подбор учитывает анкеты, взаимный выбор, вместимость наставников, отклонённые пары и пары, завершённые из-за конфликта.
    • Лучшее совпадение — наибольший суммарный балл по всей когорте;
    • Больше пар — сначала как можно больше наставляемых с наставником;
    • Устойчивые пары — никто не предпочёл бы друг друга своим парам.
match-started = Подбор пар («{ $mode }») запущен. Результат придёт сюда, как только будет готов: обычно через несколько секунд, для большой программы — через минуту-другую.
match-progress = Анкеты прочитаны: наставляемых — { $mentees }, наставников — { $mentors }. Пары подбираются по всей программе; результат придёт сюда.
match-usage = Не понял режим подбора. Выберите: лучшее совпадение (best), больше пар (most) или устойчивые пары (stable).
match-run-title = Подбор пар — «{ $programme }», режим «{ $mode }».
    Предложено пар: { $matched } из { $mentees } наставляемых без пары; без наставника: { $unmatched }; уже подтверждённых пар: { $kept }. Суммарный балл: { $total }.
match-no-suggestions = Предложить нечего: нет наставляемых без пары или подходящих наставников с местами.
match-page = Страница { $page } из { $pages }:
match-suggestion = №{ $number }. { $mentor } → { $mentee } — { $score }
match-status-confirmed = ✅ подтверждена
match-status-rejected = ✖ отклонена
match-status-superseded = устарела (есть более новый подбор)
match-hint = Кнопки под сообщением подтверждают или отклоняют пару; можно набрать /confirm <номер>, /reject <номер> <причина>, /confirm_all.
match-btn-confirm = ✅ Подтвердить №{ $number }
match-btn-reject = ✖ Отклонить №{ $number }
match-btn-prev = ◀ Назад
match-btn-next = Ещё ▶
match-btn-confirm-all = ✅ Подтвердить все ({ $count })
match-btn-unmatched = Без наставника
match-btn-latest = Последний подбор
match-btn-pairs = Пары программы
match-stale-run = Это предложения более раннего подбора; после него подбор запускали снова.
match-confirm-usage = Укажите номер предложенной пары: /confirm 12. Список — /match.
match-reject-usage = Укажите номер предложенной пары и, если хотите, причину: /reject 12 разные интересы.
match-not-found = Предложенной пары №{ $number } нет в этой программе. Список — /match.
match-superseded = Пара №{ $number } из более раннего подбора. Запустите /match, чтобы получить актуальные предложения.
match-already-confirmed = Пара №{ $number } уже подтверждена.
match-already-rejected = Пара №{ $number } уже отклонена и больше не будет предложена.
match-problem-mentor-full = У наставника пары №{ $number } уже нет свободных мест. Запустите /match снова.
match-problem-mentee-in-pair = Наставляемый из пары №{ $number } уже в другой паре. Запустите /match снова.
match-problem-mentor-not-approved = Наставник из пары №{ $number } больше не допущен к работе в программе. Запустите /match снова.
match-problem-mentee-not-in-programme = Наставляемый из пары №{ $number } больше не участвует в программе. Запустите /match снова.
match-confirmed = Пара №{ $number } подтверждена: { $mentor } → { $mentee }. Наставник и наставляемый получили результат и контакты друг друга и куратора.
match-reject-reason-updated = Причина отклонения пары №{ $number } записана.
match-rejected = Пара №{ $number } отклонена и больше не будет предложена. Причину можно указать: /reject { $number } <причина>.
match-rejected-with-reason = Пара №{ $number } отклонена, причина записана. Эта пара больше не будет предложена.
match-nothing-open = Неподтверждённых предложений нет. Запустите подбор: /match.
match-confirmed-all = Подтверждено: { $pairs } (пар и групп), наставляемых — { $mentees }. Все участники получили результат и контакты.
match-confirm-all-failed = Не удалось подтвердить предложения №{ $numbers }: состав программы изменился. Запустите /match снова.
match-no-run = Подбор в этой программе ещё не запускали: /match.
match-unmatched-title = Наставляемые без наставника: { $count }.
match-unmatched-line = • { $name } — { $reason }
match-unmatched-none = Все наставляемые получили наставника или уже в паре.
match-unmatched-hint = С ними нужна дополнительная встреча: уточнить запрос или найти наставника.
match-alert-unmatched = Подбор пар в программе «{ $programme }»: без наставника осталось наставляемых — { $count }. С ними нужна дополнительная встреча.

## Причина отклонения (кнопка «Отклонить»)
match-reject-why = Почему отклонить пару №{ $number } ({ $mentor } → { $mentee })? Выберите причину — она сохранится, и эта пара больше не будет предложена.
match-reject-reason-schedule = Разные графики
match-reject-reason-interests = Не совпадают интересы
match-reject-reason-conflict = Конфликт / несовместимость
match-reject-reason-own = Другая причина — напишу
match-reject-reason-none = Без причины
match-reject-own-title = Причина отклонения пары
match-reject-own-prompt = Напишите одним сообщением, почему отклонить пару №{ $number }. Передумали — /cancel, пара останется предложенной.

## Правила подбора (/match_settings)
match-cmd-match-settings = правила подбора пар: обязательные условия и баллы
match-settings-title = Правила подбора пар — «{ $programme }»
match-settings-must = Обязательные условия. Пару, которая им не отвечает, бот не предложит, даже если наставник и наставляемый выбрали друг друга. Если человек не ответил на вопрос, условие его не ограничивает.
match-settings-must-time = • есть общее время для встреч — { $state } (по умолчанию { $default })
match-settings-must-format = • есть общий формат встреч, очно или онлайн — { $state } (по умолчанию { $default })
match-settings-must-grade = • класс наставляемого — из тех, с которыми наставник хочет работать — { $state } (по умолчанию { $default })
match-settings-on = да
match-settings-off = нет
match-settings-weights = Баллы. Из них складывается оценка пары; подбор ищет пары с наибольшей суммой по всей программе. Чем больше балл, тем важнее признак; 0 — не учитывать.
match-settings-weight-mutual = • выбрали друг друга в опросе о выборе ({ $name }) — { $points } (по умолчанию { $default }): взаимный выбор важнее всего остального
match-settings-weight-onesided = • выбор только с одной стороны ({ $name }) — { $points } (по умолчанию { $default }): помогает подходящей паре, но не перевешивает анкеты
match-settings-weight-goals = • наставник поможет с целью наставляемого ({ $name }) — { $points } за каждую, до трёх (по умолчанию { $default })
match-settings-weight-profile = • наставник такой, какого хотел наставляемый ({ $name }) — { $points } за совпадение, до трёх (по умолчанию { $default })
match-settings-weight-interests = • общий интерес ({ $name }) — { $points } за каждый, до трёх (по умолчанию { $default })
match-settings-weight-grade = • класс наставляемого — из тех, что предпочитает наставник ({ $name }) — { $points } (по умолчанию { $default })
match-settings-weight-time = • общее время для встреч ({ $name }) — { $points } за каждое, до трёх (по умолчанию { $default })
match-settings-weight-format = • общий формат встреч ({ $name }) — { $points } (по умолчанию { $default })
match-settings-hint = Условие включается и выключается кнопкой. Балл меняется командой, например: /match_settings goals 50 (целое число от 0 до 1000). Вернуть всё как было: /match_settings reset. Новые правила действуют со следующего подбора (/match).
match-settings-btn-time = Общее время обязательно: { $state }
match-settings-btn-format = Общий формат обязателен: { $state }
match-settings-btn-grade = Подходящий класс обязателен: { $state }
match-settings-btn-reset = Вернуть правила по умолчанию
match-settings-saved = Сохранено. Новые правила действуют со следующего подбора (/match).
match-settings-reset-done = Правила подбора снова те, что по умолчанию.
match-settings-usage = Не понял, что изменить. Примеры: /match_settings goals 50 — балл за каждую цель; /match_settings time — общее время обязательно или нет; /match_settings reset — правила по умолчанию.

## Что даст каждый способ подбора (/match без режима)
match-comparing = Сравниваю способы подбора по всей программе. Итог придёт сюда, тогда выберете способ одной кнопкой.
match-tradeoff-title = Что даст каждый способ в программе «{ $programme }» (наставляемых без пары: { $mentees }):
match-tradeoff-line = • { $mode }: пару получат { $matched } из { $mentees }; взаимных выборов учтено: { $mutual } из { $mutualAll }; пар без общего времени: { $noTime }.
match-tradeoff-hint = Выберите способ кнопкой под сообщением — бот подберёт пары этим способом и покажет их для подтверждения.
