# Отчёты: рабочая книга куратора и формы учёта Регионального наставнического центра (РНЦ).
# Заголовки форм 1–5 дословно по образцу РНЦ; все ключи начинаются с «report-».

## Листы (Excel: не длиннее 31 символа)
report-sheet-mentors = База наставников
report-sheet-mentees = База наставляемых
report-sheet-pairs = Пары и группы
report-sheet-meetings = Встречи и обратная связь
report-sheet-form1 = Форма 1
report-sheet-form = Форма { $number }
report-sheet-form-other = Другие формы
report-sheet-indicators = Показатели

## Заголовки форм РНЦ
report-title-form1 = Форма 1. Информация об общеобразовательных организациях-участниках внедрения региональной целевой модели наставничества
report-title-programme-form = Форма { $number }. Данные о численности вовлеченности наставников и наставляемых в образовательной организации по форме «{ $form }»
report-title-form-other = Данные о численности вовлеченности наставников и наставляемых в образовательной организации по другим формам наставничества («педагог – ученик» и формы наставничества педагогических работников)

## Столбцы форм РНЦ
report-col-district = Муниципальный район
report-col-organisations = Общеобразовательные организации
report-col-head-contacts = Контакты: ФИО директора, тел., почта, почт. адрес
report-col-children-10-19 = Общее количество детей в ОО в возрасте от 10 до 19 лет, чел
report-col-teachers = Общее количество педагогических работников в ОО, чел
report-col-young-specialists = Общее количество учителей - молодых специалистов в ОО (с опытом работы от 0 до 3 лет), чел
report-col-programme-name = Наименование программы наставничества
report-col-involved = Количество вовлеченных в программу
report-col-involved-mentors = наставников
report-col-involved-mentees = наставляемых
report-col-mentors-study = Наставников (наимен. ПОО, специальность, курс)
report-col-mentors-workplace = Наставников (место работы, должность)
report-col-mentors-other = Наставников (место работы или учёбы)
report-col-result = Результат программы
report-col-mentorship-form = Форма наставничества
report-total = Итого, чел

## Столбцы баз, пар и встреч
report-col-mentor-full-name = ФИО наставника
report-col-mentee-full-name = ФИО наставляемого
report-col-organisation = Образовательная организация
report-col-programme = Программа наставничества
report-col-category = Категория участника
report-col-age = Возраст
report-col-place-of-work-or-study = Место работы или учёбы
report-col-position-or-speciality = Должность или специальность, курс
report-col-competencies = Ключевые компетенции и опыт
report-col-mentees = Наставляемые
report-col-joined-on = Дата вхождения в программу
report-col-completed-cycle = Прошёл полный цикл программы
report-col-request = Ключевой запрос (цели, дефициты)
report-col-mentor = Наставник
report-col-participant-result = Результат участия в программе
report-col-pair-kind = Пара или группа
report-col-mentees-count = Количество наставляемых
report-col-pair-status = Этап работы
report-col-probation = Испытательный срок
report-col-started-on = Дата закрепления
report-col-ended-on = Дата завершения
report-col-end-reason = Причина завершения
report-col-starts-at = Дата и время встречи
report-col-meeting-stage = Этап
report-col-meeting-status = Статус встречи
report-col-meeting-place = Место или формат
report-col-mentor-feedback = Обратная связь наставника
report-col-mentee-feedback = Обратная связь наставляемых
report-col-mentee-rating = Оценка встречи наставляемыми
report-col-number = № п/п
report-col-indicator = Показатель

## Значения
report-yes = да
report-no = нет
report-no-data = нет данных
report-pair-kind-pair = пара
report-pair-kind-group = группа
report-mentor-year = { $year } курс
report-mentor-detail-count = { $detail } — { $count } чел.

## Формы наставничества
report-mentorship-form-pupil_pupil = ученик – ученик
report-mentorship-form-teacher_teacher = учитель – учитель
report-mentorship-form-student_pupil = студент – ученик
report-mentorship-form-employer_pupil = работодатель – ученик
report-mentorship-form-teacher_pupil = педагог – ученик
report-mentorship-form-head_teacher = руководитель образовательной организации – педагог
report-mentorship-form-employer_student = работодатель – студент педагогического вуза/колледжа
report-mentorship-form-lecturer_young_teacher = педагог вуза/колледжа – молодой педагог
report-mentorship-form-partner_teacher = социальный партнёр – педагог

## Категории участников
report-category-pupil = обучающийся
report-category-student = студент
report-category-teacher = педагог
report-category-young_teacher = молодой специалист (0–3 года)
report-category-employer_specialist = представитель работодателя
report-category-other = другое

## Этапы пары и встреч
report-pair-status-acquaintance = встреча-знакомство
report-pair-status-trial = пробная рабочая встреча
report-pair-status-planning = встреча-планирование
report-pair-status-regular = регулярные встречи
report-pair-status-final = итоговая встреча
report-pair-status-completed = завершена
report-pair-status-ended_early = завершена досрочно

## Статусы встреч
report-meeting-status-proposed = предложена
report-meeting-status-confirmed = подтверждена
report-meeting-status-cancelled = отменена
report-meeting-status-held = состоялась
report-meeting-status-missed = не состоялась

## Причины завершения
report-end-reason-planned = запланированное завершение
report-end-reason-moved = смена места жительства
report-end-reason-illness = болезнь
report-end-reason-no_time = нехватка времени
report-end-reason-conflict = межличностный конфликт
report-end-reason-other = другое

## Показатели мониторинга (таблица МАОУ «СОШ №46») и цель 70 %
report-indicator-pairs = Количество наставнических пар
report-indicator-groups = Количество наставнических групп
report-indicator-personalised-programmes = Количество утвержденных персонализированных программ наставничества педагогических работников
report-indicator-young-teachers-mentees-count = Педагоги - молодые специалисты (с опытом работы от 0 до 3 лет), вошедшие в программы наставничества в роли наставляемого, чел
report-indicator-young-teachers-mentees-percent = Доля педагогов - молодых специалистов (с опытом работы от 0 до 3 лет), вошедших в программы наставничества в роли наставляемого, от общего числа педагогов - молодых специалистов, %
report-indicator-teachers-mentors-count = Педагоги, вошедшие в программы наставничества в роли наставника, чел
report-indicator-teachers-mentors-percent = Доля педагогов, вошедших в программы наставничества в роли наставника, от общего числа педагогических работников, %
report-indicator-enterprises = Количество предприятий (организаций), вошедших в программы наставничества
report-indicator-mentee-satisfaction-percent = Уровень удовлетворенности наставляемых участием в программах наставничества, %
report-indicator-mentee-satisfaction-respondents = Наставляемые, ответившие на анкету удовлетворенности, чел
report-indicator-mentor-satisfaction-percent = Уровень удовлетворенности наставников участием в программах наставничества, %
report-indicator-mentor-satisfaction-respondents = Наставники, ответившие на анкету удовлетворенности, чел
report-indicator-children-mentees-count = Дети в возрасте от 10 до 19 лет, вошедшие в программы наставничества в роли наставляемого, чел
report-indicator-children-mentees-percent = Доля детей в возрасте от 10 до 19 лет, вошедших в программы наставничества в роли наставляемого, от общего количества детей, %
report-indicator-teenagers-mentors-count = Дети и подростки в возрасте от 15 до 19 лет, вошедшие в программы наставничества в роли наставника, чел
report-indicator-teenagers-mentors-percent = Доля детей и подростков в возрасте от 15 до 19 лет, вошедших в программы наставничества в роли наставника, от общего количества детей и подростков в возрасте от 15 до 19 лет, %
report-indicator-pupils-target-count = Обучающиеся в возрасте от 10 до 19 лет, вовлеченные в программы наставничества, чел
report-indicator-pupils-target-percent = Доля обучающихся, вовлеченных в программы наставничества (цель — не менее 70 %), %
report-indicator-pupils-target-still-needed = Осталось вовлечь обучающихся до цели 70 %, чел
report-indicator-teachers-target-count = Педагогические работники, вовлеченные в программы наставничества, чел
report-indicator-teachers-target-percent = Доля педагогических работников, вовлеченных в программы наставничества (цель — не менее 70 %), %
report-indicator-teachers-target-still-needed = Осталось вовлечь педагогических работников до цели 70 %, чел
