# Кураторы и администраторы: программа с первого взгляда, еженедельные сводки, отчёты РНЦ

## Команды
cmd-meetings = встречи программы: ближайшие и несостоявшиеся
cmd-invite = новые приглашения: /invite, /invite mentor или /invite mentee
cmd-stats = показатели программы сейчас (администраторам — показатели зоны)
cmd-export = книга Excel: базы, пары, встречи, формы 1–5 (/export csv — в CSV, /export acts — акты об уничтожении данных)
cmd-digest = сводка сейчас; /digest pause или /digest resume — еженедельная сводка
cmd-digest-settings = день, час и часовой пояс еженедельной сводки
cmd-orgs = организации вашей зоны с показателями (также /stats и /export)

## Отказы и выбор
admin-only = Эта команда доступна только администраторам: руководителю организации, муниципальному органу, РНЦ.
admin-reports-only = Эта команда доступна кураторам программ и администраторам.
admin-choose-audience = Для чего подготовить данные?
admin-choose-programmes = Мои программы (куратор)
admin-choose-scope = Зона: { $scope }

## Список участников: фильтры, пара, встречи
curator-participants-usage = Фильтры списка: /participants mentors | mentees, статус (joined, approved, declined, active, completed, left), noform — кто не заполнил анкету. Например: /participants mentees noform
curator-filter-mentors = Наставники
curator-filter-mentees = Наставляемые
curator-filter-no-form = Без анкеты
curator-filter-all = Все
curator-filter-role-mentor = наставники
curator-filter-role-mentee = наставляемые
curator-filter-form-missing = не заполнили анкету
curator-filter-shown = Фильтр: { $filter }. Найдено: { $count }
curator-pair-pair = Пара: { $mentor } → { $mentees }; этап: { $stage }; с { $date }
curator-pair-group = Группа: { $mentor } → { $mentees }; этап: { $stage }; с { $date }
curator-pair-probation = Испытательный срок после смены наставника.
curator-pair-ended = Завершена { $date }.
curator-pair-no-meetings = Встреч пока не было.
curator-pair-meeting = • { $date } — { $stage }, { $status }; отзыв наставника: { $mentor }, наставляемых: { $mentees }

## Встречи
report-meetings-title = Встречи программы «{ $programme }»
report-meetings-upcoming = Ближайшие { $days } дней:
report-meetings-missed = Не состоялись или без отметки за { $days } дней:
report-meetings-none = нет
report-meeting-line = • { $date } — { $mentor } → { $mentees }; { $stage }, { $status }

## Приглашения
report-invite-usage = Укажите роль: /invite mentor или /invite mentee (без роли — обе).
report-invite-finished = Программа завершена: новых участников пригласить нельзя.
report-invite-title = Новые приглашения в программу «{ $programme }»:
report-invite-role-mentor = Для наставников
report-invite-role-mentee = Для наставляемых
report-invite-code = Код: { $code }
report-invite-no-telegram = Telegram: бот не настроен
report-invite-no-vk = VK: сообщество не настроено
report-invite-hint = Перешлите ссылку участникам: по ней откроется бот, а код можно ввести и вручную.

## Показатели
report-stats-programme = Показатели программы «{ $programme }» ({ $organisation }) на сегодня
report-stats-scope = Показатели зоны «{ $scope }» на сегодня; организаций: { $count }
report-stats-participants = Сейчас в программе (наставники и наставляемые): { $now }; из них прошли полный цикл: { $completed }
report-stats-rule = Для отчётов в региональный центр учитываются только участники, прошедшие полный цикл программы, каждый человек — один раз: это второе число в строке. Первое — все, кто участвует в программе сейчас.
report-stats-now-and-cycle = сейчас { $now }, полный цикл { $completed }
report-stats-draft = Программа «{ $programme }» ещё не запущена: показателей пока нет.

## Выгрузка
report-export-usage = Выгрузка: /export — книга Excel, /export csv — файлы CSV, /export acts — акты об уничтожении персональных данных.
report-export-caption-curator = Отчёт по программам: { $programmes }, на { $date }. Базы наставников и наставляемых, пары, встречи, форма 1 и формы 2–5 РНЦ, показатели.
report-export-caption-admin = Отчёт РНЦ: «{ $scope }», организаций: { $organisations }, на { $date }. Форма 1, формы 2–5, показатели.
report-export-csv = Файлов CSV: { $count } (пустые листы не выгружаются).

## Сводка
admin-no-data = нет данных
admin-delta-pp = { $sign }{ $amount } п. п.
admin-still-needed = ещё { $count } чел. до 70 %
admin-digest-title = 📊 Сводка за неделю: { $scope } ({ $from }–{ $to })
admin-digest-title-now = 📊 Сводка на сейчас: { $scope } ({ $from }–{ $to })
admin-digest-organisations = Организаций: { $count }
admin-digest-indicators-since = Показатели (в скобках — изменение с { $date }):
admin-digest-indicators-first = Показатели (первая сводка, сравнивать пока не с чем):
admin-digest-activity = За период: новых пар и групп — { $pairs }, встреч проведено — { $held }, не состоялось — { $missed }, отзывов после встреч — { $feedback }, анкет удовлетворённости — { $satisfaction }.
admin-digest-overdue = Просрочено: встреч без отметки — { $meetings }, задач кураторов — { $tasks }.
admin-digest-overdue-none = Просроченного нет.
admin-digest-behind = Дальше всего от цели 70 %:
admin-behind-line = { $number }. { $name } — { $percent } (ещё { $needed } чел.)
admin-digest-without-form1 = Без данных формы 1 (число детей 10–19): организаций — { $count }.
admin-digest-paused = Еженедельная сводка приостановлена. Возобновить: /digest resume
admin-digest-resumed = Еженедельная сводка снова включена. Когда она приходит — /digest_settings
admin-digest-paused-note = Еженедельная сводка сейчас на паузе: /digest resume
admin-digest-usage = Сводка: /digest; пауза: /digest pause; возобновить: /digest resume; расписание: /digest_settings
admin-chart-organisations = График: { $indicator } по организациям.
admin-chart-trend = График: { $indicator } по неделям.
admin-chart-metric-pupilsTarget-percent = доля вовлечённых обучающихся 10–19, %
admin-chart-metric-teachersTarget-percent = доля вовлечённых педагогов, %
admin-chart-metric-pairs = число пар и групп
admin-chart-target = Пунктир — цель { $target } %.
admin-chart-subtitle-organisations = { $scope } — по организациям
admin-chart-subtitle-trend = { $scope } — по неделям
admin-chart-series-reached = цель достигнута
admin-chart-series-halfway = больше половины пути
admin-chart-series-far = меньше половины пути
admin-chart-series-count = пары и группы
admin-chart-series-none = нет данных
admin-chart-target-line = цель { $target } %
admin-chart-axis-percent = доля, %
admin-chart-axis-pairs = пар и групп
admin-chart-axis-date = дата

## Краткие названия показателей
admin-ind-pairs = Пары
admin-ind-groups = Группы
admin-ind-approvedPersonalisedProgrammes = Персонализированные программы педагогов
admin-ind-youngTeachersAsMentees-count = Молодые специалисты — наставляемые, чел
admin-ind-youngTeachersAsMentees-percent = Молодые специалисты — наставляемые
admin-ind-teachersAsMentors-count = Педагоги — наставники, чел
admin-ind-teachersAsMentors-percent = Педагоги — наставники
admin-ind-enterprisesInvolved = Предприятия
admin-ind-menteeSatisfaction-percent = Удовлетворённость наставляемых
admin-ind-menteeSatisfaction-respondents = Ответили наставляемые, чел
admin-ind-mentorSatisfaction-percent = Удовлетворённость наставников
admin-ind-mentorSatisfaction-respondents = Ответили наставники, чел
admin-ind-childrenAsMentees-count = Дети 10–19 — наставляемые, чел
admin-ind-childrenAsMentees-percent = Дети 10–19 — наставляемые
admin-ind-teenagersAsMentors-count = Подростки 15–19 — наставники, чел
admin-ind-teenagersAsMentors-percent = Подростки 15–19 — наставники
admin-ind-pupilsTarget-count = Вовлечено обучающихся, чел
admin-ind-pupilsTarget-percent = Вовлечено обучающихся
admin-ind-pupilsTarget-stillNeeded = Осталось вовлечь обучающихся, чел
admin-ind-teachersTarget-count = Вовлечено педагогов, чел
admin-ind-teachersTarget-percent = Вовлечено педагогов
admin-ind-teachersTarget-stillNeeded = Осталось вовлечь педагогов, чел

## Расписание сводки
admin-weekday-1 = Пн
admin-weekday-2 = Вт
admin-weekday-3 = Ср
admin-weekday-4 = Чт
admin-weekday-5 = Пт
admin-weekday-6 = Сб
admin-weekday-7 = Вс
admin-settings-title = Еженедельная сводка
admin-settings-current = Приходит: { $weekday }, { $hour } ({ $timezone })
admin-settings-next = Следующая: { $date }
admin-settings-paused = Сейчас на паузе.
admin-settings-hint = Изменить: кнопками ниже или /digest_settings day 1–7, /digest_settings hour 0–23, /digest_settings tz Asia/Omsk
admin-settings-choose-day = В какой день присылать сводку?
admin-settings-choose-hour = В котором часу? (Другой час: /digest_settings hour 0–23)
admin-settings-usage = Не понял настройку. Примеры: /digest_settings day 1, /digest_settings hour 9, /digest_settings tz Europe/Moscow
admin-settings-bad-timezone = Укажите часовой пояс в формате IANA, например Europe/Moscow или Asia/Omsk.
admin-settings-day-button = 📅 День
admin-settings-hour-button = 🕘 Час
admin-settings-pause-button = ⏸ Приостановить
admin-settings-resume-button = ▶ Возобновить

## Организации
admin-orgs-title = Организации зоны «{ $scope }»: { $count }
admin-orgs-none = В вашей зоне пока нет организаций.
admin-orgs-line = { $number }. { $name } — обучающиеся: { $pupils }, педагоги: { $teachers }, пар и групп: { $pairs }, удовлетворённость наставляемых: { $satisfaction }
admin-orgs-hint = Подробнее об организации — кнопкой ниже.
admin-orgs-back = ◀ К списку организаций
admin-org-title = { $name } ({ $district }); программ: { $programmes }
admin-org-form1 = Форма 1: детей 10–19 — { $children }, педагогов — { $teachers }, молодых специалистов — { $young }

## Рабочая книга
admin-feedback-not-held = не состоялась
