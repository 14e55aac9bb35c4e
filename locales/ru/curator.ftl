# Команды куратора: участники, их анкеты, собеседование, опросы

cmd-participants = участники программы и кто ещё не заполнил анкету
cmd-participant = ответы участника: /participant <номер>
cmd-interview = записать собеседование с кандидатом в наставники: /interview <номер>
cmd-survey-open = открыть опрос: взаимный выбор (по умолчанию) или /survey_open satisfaction
cmd-survey-close = закрыть опрос: /survey_close или /survey_close satisfaction

curator-only = Эта команда доступна только куратору программы.
curator-bad-argument = Не понял, что указано после команды. Наберите /help.
curator-choose-programme = Вы куратор нескольких программ. Выберите программу:
curator-participant-usage = Укажите номер участника из списка /participants, например: /{ $command } 3
curator-participant-not-found = Участника с номером { $number } нет в списке. Наберите /participants.
curator-number = № { $number }
curator-no-name = (без имени)
curator-participants-title = «{ $programme }»: наставников — { $mentors }, наставляемых — { $mentees }
curator-section-mentor = Наставники:
curator-section-mentee = Наставляемые:
curator-nobody = пока никого
curator-form-filled = анкета ✓
curator-form-missing = анкета не заполнена
curator-missing-forms = Не заполнили анкету: { $count } ({ $numbers })
curator-all-filled = Анкеты заполнили все.
curator-questionnaire-mentor = Программа «{ $programme }»: пришла анкета наставника — № { $number }, { $name }. Следующий шаг — собеседование.
curator-questionnaire-mentee = Программа «{ $programme }»: пришла заявка наставляемого — № { $number }, { $name }. Её учтут при подборе пар (/match).
curator-interview-queue = Ждут собеседования: { $count } ({ $numbers }). Записать собеседование — /interview <номер>.
curator-questionnaire-queue = Ждут собеседования: { $count } (№ { $numbers }). Записать собеседование — /interview <номер>.
curator-participant-button = 👤 Открыть анкету
curator-round-mutual_choice = Опрос взаимного выбора открыт с { $date }: ответили { $answered } из { $total }. Ещё не ответили: { $waiting }
curator-round-satisfaction = Опрос удовлетворённости открыт с { $date }: ответили { $answered } из { $total }. Ещё не ответили: { $waiting }
curator-participants-hint = Ответы участника — кнопкой ниже или командой /participant <номер>.
curator-participant-title = № { $number }. { $name } — { $role }, { $status }; в программе с { $date }
curator-capacity = Сколько наставляемых может взять: { $capacity }
curator-form-not-filled = ещё не заполнена
curator-no-interview = собеседование ещё не проводилось
curator-choice-mentee-work_with = С какими наставниками хочет работать
curator-choice-mentee-can_help = Кто может помочь достичь целей
curator-choice-mentor-work_with = С какими наставляемыми хочет работать
curator-choice-mentor-can_help = Кому может помочь
curator-interview-button = 🗣 Записать собеседование
curator-back-to-list = ◀ К списку участников
curator-interview-not-mentor = Собеседование проводится только с кандидатами в наставники.
curator-survey-usage = Укажите опрос: /survey_open — взаимный выбор, /survey_open satisfaction — удовлетворённость (то же для /survey_close).
curator-survey-already-open = Этот опрос уже открыт с { $date }. Кто ответил — в /participants.
curator-survey-opened-mutual_choice = Опрос взаимного выбора открыт. Приглашение отправлено { $told } из { $total } участников{ $failed ->
        [0] .
       *[other] ; ещё { $failed } — бот не может им написать (нет подключённого мессенджера).
    }
    Если сообщение кому-то не дойдёт, придёт отдельное уведомление.
curator-survey-opened-satisfaction = Опрос удовлетворённости открыт. Приглашение отправлено { $told } из { $total } участников{ $failed ->
        [0] .
       *[other] ; ещё { $failed } — бот не может им написать (нет подключённого мессенджера).
    }
    Если сообщение кому-то не дойдёт, придёт отдельное уведомление.
curator-survey-none-open = Открытого опроса нет.
curator-survey-closed = Опрос закрыт. Ответили: { $answered }. Ответы сохранены.

survey-opened-mutual_choice-mentee = Программа «{ $programme }»: после общей встречи выберите, с кем из наставников вы хотели бы работать.
survey-opened-mutual_choice-mentor = Программа «{ $programme }»: после общей встречи выберите, с кем из наставляемых вы хотели бы работать.
survey-opened-satisfaction-mentee = Программа «{ $programme }» подходит к концу. Ответьте, пожалуйста, на несколько вопросов о том, насколько вы довольны участием.
survey-opened-satisfaction-mentor = Программа «{ $programme }» подходит к концу. Ответьте, пожалуйста, на несколько вопросов о том, насколько вы довольны участием в роли наставника.
