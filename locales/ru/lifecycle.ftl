# Жизнь пары: встречи, напоминания, отзывы, ежемесячные и итоговые отчёты, завершение,
# напоминания и сигналы куратору о сроках. Набор ключей тот же, что в locales/en/lifecycle.ftl.
# Даты приходят готовыми (ДД.ММ.ГГГГ, время ЧЧ:ММ — по часовому поясу организации).

## Команды
cmd-meeting = мои встречи: договориться, подтвердить, перенести, отменить
cmd-request-change = попросить куратора завершить работу в паре или сменить наставника
cmd-pairs = пары программы: этап, последняя активность, ближайшая встреча
cmd-end = завершить работу пары: /end <номер пары> <причина>
cmd-probation = испытательный срок пары: /probation <номер пары> [вкл|выкл]
cmd-complete = отметить, что участник прошёл полный цикл: /complete <номер участника>
cmd-overdue = что просрочено и что ждёт куратора

## Этапы пары (002 §7.4) и причины завершения (002 §7.5)
lc-stage-acquaintance = встреча-знакомство
lc-stage-trial = пробная рабочая встреча
lc-stage-planning = встреча-планирование
lc-stage-regular = регулярные встречи
lc-stage-final = итоговая встреча
lc-stage-completed = работа завершена
lc-stage-ended_early = завершена досрочно
lc-stage-name = { $stage ->
    [acquaintance] встреча-знакомство
    [trial] пробная рабочая встреча
    [planning] встреча-планирование
    [final] итоговая встреча
    [completed] работа завершена
    [ended_early] работа завершена досрочно
   *[regular] регулярная встреча
}
lc-reason-planned = Плановое завершение
lc-reason-moved = Переезд
lc-reason-illness = Болезнь
lc-reason-no_time = Нет времени
lc-reason-conflict = Конфликт
lc-reason-other = Другая причина
lc-reason-name = { $reason ->
    [planned] плановое завершение
    [moved] переезд
    [illness] болезнь
    [no_time] нехватка времени
    [conflict] конфликт
   *[other] другая причина
}

## Кнопки
lc-btn-propose = 📅 Предложить встречу
lc-btn-propose-with = 📅 Встреча: { $with }
lc-btn-confirm = ✅ Подтвердить
lc-btn-other-time = 🕒 Предложить другое время
lc-btn-decline = ❌ Отказаться
lc-btn-move = 🕒 Перенести
lc-btn-cancel = ❌ Отменить
lc-btn-meetings = 📅 Мои встречи
lc-btn-held = ✅ Да, состоялась
lc-btn-missed = ❌ Нет
lc-btn-feedback = 📝 Оставить отзыв
lc-btn-monthly-report = 📝 Отчёт за месяц
lc-btn-pulse-survey = 📝 Пройти опрос
lc-btn-final-report = 📝 Итоговый отчёт
lc-btn-satisfaction = 📝 Опрос удовлетворённости
lc-btn-exit-survey = 📝 Опрос о завершении
lc-btn-overdue = 📋 Открыть список
lc-btn-task-done = ✅ Сделано: { $n }
lc-btn-request-change = Сменить наставника
lc-btn-request-end = Завершить работу в паре

## Пара подтверждена
lc-pair-confirmed-mentor = Пара подтверждена! Программа «{ $programme }». { $count ->
    [one] Ваш наставляемый: { $mentees }.
   *[other] Ваши наставляемые: { $mentees }.
}
lc-pair-confirmed-mentee = Пара подтверждена! Программа «{ $programme }». Ваш наставник: { $mentor }.
lc-pair-confirmed-curator = Пара подтверждена в программе «{ $programme }»: наставник { $mentor }, { $count ->
    [one] наставляемый
   *[other] наставляемые
} { $mentees }.{ $probation ->
    [yes] { " " }Пара на испытательном сроке: вас будут приглашать на её встречи.
   *[other] {""}
}
lc-contact = { $role ->
    [mentor] Наставник
    [mentee] Наставляемый
   *[curator] Куратор
}: { $name } — { $links }
lc-pair-next-step = Первый шаг — встреча-знакомство. Договоритесь о времени: нажмите кнопку ниже или наберите /meeting.

## Встречи
lc-no-pair = У вас пока нет пары. Когда куратор подтвердит пару, здесь можно будет договариваться о встречах.
lc-not-yours = Это не ваша пара или встреча — действие недоступно.
lc-meeting-none = Запланированных встреч пока нет.
lc-meeting-propose-hint = Предложить новую встречу:
lc-meeting-line = { $status ->
    [proposed] { $mine ->
        [yes] ⏳ Ждёт подтверждения
       *[other] ❔ Предложена вам
    }
   *[other] ✅ Подтверждена
}: { lc-stage-name }, { $with }
    { $date } в { $time }, { $place }
lc-meeting-proposed = { $moved ->
    [yes] { $by } предлагает перенести встречу
   *[other] { $by } предлагает встречу
} ({ lc-stage-name }):
    📅 { $date } в { $time }
    📍 { $place }
    Подходит?
lc-meeting-proposed-info = { $moved ->
    [yes] { $by }: предложение перенести встречу
   *[other] { $by }: предложение встречи
} ({ lc-stage-name }): { $date } в { $time }, { $place }. Ждём ответа другой стороны.
lc-meeting-confirmed = { $by }: встреча подтверждена ({ lc-stage-name }): { $date } в { $time }, { $place }. Я напомню о ней заранее.
lc-meeting-declined = { $by } не может встретиться { $date } в { $time }. Предложите, пожалуйста, другое время.
lc-meeting-cancelled = { $by }: встреча { $date } в { $time } отменена. Можно договориться о новой.
lc-meeting-confirm-done = Встреча подтверждена: { $date } в { $time }, { $place }. Я напомню о ней заранее.
lc-meeting-decline-done = Вы отказались от встречи { $date } в { $time }. Другая сторона получит сообщение и сможет предложить другое время.
lc-meeting-cancel-done = Встреча { $date } в { $time } отменена. Другая сторона получит сообщение.
lc-probation-invite = Приглашение на встречу пары на испытательном сроке ({ $mentor } — { $mentees }): { lc-stage-name }, { $date } в { $time }, { $place }.
lc-probation-cancelled = Встреча пары { $mentor } — { $mentees } { $date } в { $time } отменена.

## Предложение встречи (анкета)
mt-title = Новая встреча
mt-date = Когда встречаетесь ({ $partner })? Напишите дату.
mt-date-hint = Например, { $example }. Время — по часовому поясу вашей школы или организации.
mt-time = Во сколько? Напишите время.
mt-time-hint = Например, 16:30.
mt-place = Где встречаемся? Напишите место или ссылку на видеозвонок.
mt-place-hint = Например: кабинет 214 или ссылка на видеовстречу.
mt-final = Это итоговая встреча пары?
mt-error-time = Не получилось понять время. Напишите его так: 16:30.
mt-error-past = Это время уже прошло. Выберите, пожалуйста, время в будущем.
mt-proposed = Готово! Предложение отправлено: { $with }, { $date } в { $time }, { $place }. Сообщу, когда ответят.
mt-problem-unknown = Такая встреча не найдена.
mt-problem-not-member = Это не ваша пара или встреча — действие недоступно.
mt-problem-pair-ended = Работа в этой паре уже завершена — встречи больше не назначаются.
mt-problem-past = Время этой встречи уже наступило — изменить её нельзя.
mt-problem-stale = Встречу уже изменили — эта кнопка устарела. Наберите /meeting, чтобы увидеть актуальное.
mt-problem-not-allowed = Сейчас это сделать нельзя. Наберите /meeting, чтобы увидеть ваши встречи.
mt-problem-own-proposal = Это ваше предложение — подтвердить его должна другая сторона.

## Напоминания и вопросы после встречи
lc-reminder = ⏰ Напоминание: { lc-stage-name } ({ $with }) — { $date } в { $time }, { $place }.
lc-outcome-question = Встреча { $date } в { $time } ({ $with }) состоялась?
lc-outcome-held = Отлично! Этап пары: { lc-stage-name }. Расскажите коротко, как прошла встреча.
lc-outcome-missed = Жаль, что встреча не состоялась. Договоритесь о новой — кнопка ниже.
lc-feedback-reminder = Напоминаю: оставьте, пожалуйста, отзыв о встрече { $date } ({ $with }). Это займёт пару минут.
lc-pulse-survey = Вы работаете в паре уже месяц ({ $partner }). Ответьте, пожалуйста, на три коротких вопроса: как идут встречи и всё ли в порядке.
lc-monthly-report = Пора отправить отчёт за месяц ({ $month }) наставнику — { $mentor }. Это займёт несколько минут.
lc-final-report-reminder = Напоминаю об итоговом отчёте по индивидуальному плану: его нужно сдать до { $date }.

## Завершение работы пары
lc-pair-ended-planned = Работа в паре ({ $partner }) по программе «{ $programme }» завершена ({ lc-reason-name }). Спасибо за вашу работу! Ответьте, пожалуйста, на короткий опрос — кнопка ниже.
lc-pair-ended-early = Работа в паре ({ $partner }) по программе «{ $programme }» завершена досрочно (причина: { lc-reason-name }). Ответьте, пожалуйста, на короткий опрос о завершении — это поможет куратору.
lc-final-report-due = Итоговый отчёт по индивидуальному плану нужно сдать до { $date }.
lc-pair-ended-curator = Пара № { $number } ({ $mentor } — { $mentees }) { $planned ->
    [yes] завершила работу по плану.
   *[other] завершила работу досрочно (причина: { lc-reason-name }).
} Поговорите с обеими сторонами — задача добавлена в /overdue.

## Просьба о смене наставника или завершении
lc-request-which = О какой паре речь?
lc-request-choose = Что вы хотите попросить у куратора? Пара: { $with }.
lc-request-sent = Просьба отправлена куратору — куратор свяжется с вами.
lc-request-already = Сегодня вы уже отправляли такую просьбу — куратор её получил.
lc-alert-change-request = { $role ->
    [mentor] Наставник
   *[mentee] Наставляемый
} { $name } просит { $kind ->
    [change] сменить наставника
   *[end] завершить работу в паре
}: пара № { $number } ({ $mentor } — { $mentees }).

## Куратор: пары, завершение, испытательный срок, полный цикл
lc-pairs-title = Пары программы «{ $programme }»: всего { $total }, работают { $working }
lc-pairs-none = Пар пока нет.
lc-pairs-hint = Завершить работу пары: /end <номер> <причина>. Испытательный срок: /probation <номер>.
lc-pair-line = { $number }. { $mentor } — { $mentees }: { $stage }{ $probation ->
    [yes] , испытательный срок
   *[other] {""}
}; последняя активность { $last }; ближайшая встреча: { $next }
lc-pair-not-found = Пары с номером { $number } нет. Наберите /pairs.
lc-end-usage = Укажите номер пары из /pairs, например: /end 3 переезд
lc-end-bad-reason = Такой причины я не знаю. Выберите её кнопкой.
lc-end-choose = Пара № { $number } ({ $mentor } — { $mentees }). Почему работа завершается?
lc-end-already = Работа пары № { $number } уже завершена.
lc-end-done = Работа пары № { $number } завершена ({ lc-reason-name }). Участники получили опросы, наставляемый — итоговый отчёт со сроком две недели, а у вас в /overdue — задача поговорить с обеими сторонами.
lc-probation-usage = Напишите так: /probation <номер пары> вкл или /probation <номер пары> выкл
lc-probation-set = { $on ->
    [yes] Пара № { $number } на испытательном сроке: вас будут приглашать на её встречи.
   *[other] Испытательный срок пары № { $number } снят.
}
lc-complete-usage = Укажите номер участника из /participants, например: /complete 5
lc-complete-no-pair = У участника { $name } ещё не было пары — отметить полный цикл пока нельзя.
lc-complete-already = Полный цикл участника { $name } уже отмечен ({ $date }).
lc-complete-done = Полный цикл программы отмечен: { $name }. Это учтётся в отчётах.

## Куратор: просрочено и задачи (/overdue)
lc-overdue-title = Требует внимания в программе «{ $programme }»: { $count }
lc-overdue-none = В программе «{ $programme }» ничего не просрочено. 👍
lc-overdue-hint = Отметить задачу выполненной — кнопки ниже.
lc-overdue-final-report = Итоговый отчёт не сдан: { $name } (пара № { $number }), срок был { $date }
lc-overdue-feedback = Нет отзыва о встрече { $date }: { $name } (пара № { $number })
lc-overdue-silent = Пара № { $number } ({ $mentor } — { $mentees }) давно не встречалась: последняя активность { $last }
lc-overdue-unmatched = Наставляемый без пары: { $name }
lc-overdue-mutual-choice = Опрос взаимного выбора открыт с { $date } — пора его закрыть
lc-overdue-ending = Программа заканчивается { $date } (осталось дней: { $days })
lc-overdue-federal-form = Федеральная статистическая форма за { $year } год{ $late ->
    [yes] { " " }просрочена: срок был { $date }
   *[other] { " " }— срок { $date }
}
lc-task = { $kind ->
    [talk_after_ending] Поговорить с обеими сторонами после завершения пары № { $number } ({ $mentor } — { $mentees })
    [unmatched_mentee] Встретиться с наставляемым без пары: { $name }
    [change_request] { $name } просит { $note ->
        [change] сменить наставника
       *[end] завершить работу в паре
    } (пара № { $number })
   *[other] Задача от { $date }
}
lc-task-done = Задача отмечена выполненной.
lc-task-already = Эта задача уже выполнена.

## Сигналы куратору
lc-alert-feedback = Нет отзыва о встрече { $date } уже { $days } дн.: { $name } (пара { $mentor } — { $mentees }).
lc-alert-silent = Пара № { $number } ({ $mentor } — { $mentees }) не встречалась { $days } дн. и встреч не запланировала. Последняя активность: { $last }.
lc-alert-ending = Программа «{ $programme }» заканчивается { $date } — через { $days } дн. Работающих пар: { $pairs }.
lc-alert-final-report = Итоговый отчёт не сдан в срок ({ $days } дн. после завершения { $date }): { $name }, наставник { $mentor }.
lc-alert-mutual-choice = Опрос взаимного выбора в программе «{ $programme }» открыт с { $date } — пора подвести итоги и закрыть его (/survey_close).
lc-alert-unmatched = Наставляемый остался без пары: { $name } (программа «{ $programme }»). Встретьтесь с ним(ней) и подберите наставника.
lc-alert-federal-form = До { $date } нужно сдать федеральную статистическую форму о наставничестве за { $year } год. Когда отправите, отметьте задачу в /overdue.
lc-unreachable = Не получается доставить сообщения участнику { $name } (программа «{ $programme }»): похоже, бот заблокирован. Свяжитесь с ним(ней) напрямую.

## Несколько сообщений сразу
lc-merged-reminders = Напоминания ({ $count }):
lc-merged-alerts = Требует внимания ({ $count }):
lc-merged-other = Сообщения ({ $count }):
