# Сроки хранения и уничтожение персональных данных: акты и выгрузка из журнала (Приказ Роскомнадзора от 28.10.2022 № 179)
cmd-acts = акты об уничтожении персональных данных (/export acts — файлом)
acts-operator-only = Акты об уничтожении персональных данных получает администратор организации: оператором данных участников является организация. Муниципальному органу и РНЦ они не передаются.
acts-export-caption = Акты об уничтожении персональных данных: { $count }, на { $date }. Лист «Акты» — что уничтожено, чьё (внутренний номер, без имени), когда, почему и как; лист «Выгрузка из журнала» — записи журнала обработки по каждому акту.
acts-title = Акты об уничтожении персональных данных (последние): { $count }
acts-line = № { $number } · { $date } · участник { $subject } ({ $roles }) · { $programmes } · { $reason } · категорий данных: { $categories }
acts-none = Актов пока нет: ничьи данные ещё не уничтожались.
acts-hint = Участник назван внутренним номером, не именем. Все акты с выгрузкой из журнала — файлом Excel: /export acts

## Книга Excel
acts-sheet-acts = Акты
acts-sheet-acts-title = Акты об уничтожении персональных данных (Приказ Роскомнадзора от 28.10.2022 № 179)
acts-sheet-log = Выгрузка из журнала
acts-sheet-log-title = Выгрузка из журнала регистрации событий: записи об участнике до уничтожения и само уничтожение
acts-col-number = № акта
acts-col-destroyed-at = Дата и время уничтожения
acts-col-operator = Оператор
acts-col-system = Информационная система
acts-col-subject = Субъект (внутренний номер)
acts-col-roles = Роль
acts-col-programmes = Программы
acts-col-categories = Категории уничтоженных персональных данных
acts-col-method = Способ уничтожения
acts-col-reason = Причина уничтожения
acts-col-reason-at = Причина возникла
acts-col-process = Кем уничтожено
acts-col-log-entries = Записей журнала
acts-col-entry = № записи
acts-col-entry-at = Время записи
acts-col-action = Действие
acts-col-outcome = Результат
acts-col-actor = Кто действовал
acts-col-target = Объект
acts-col-details = Сведения (номера и количества)
acts-actor-subject = сам участник
acts-system = Чат-бот программы наставничества «Наставник»

## Категории данных
acts-category-name = фамилия, имя (как участник себя назвал)
acts-category-representative-name = ФИО законного представителя
acts-category-messenger-accounts = аккаунты в мессенджерах (идентификаторы, имена пользователей)
acts-category-text-answers = ответы анкет и форм в свободной форме, выбранные варианты
acts-category-choices = выбор наставника или наставляемого
acts-category-messages = сообщения бота участнику
acts-category-forms-in-progress = незавершённые анкеты и диалоги
acts-category-meeting-places = места встреч
acts-category-pair-notes = заметки куратора о завершении пары
acts-category-link-codes = коды связывания аккаунтов
acts-category-update-records = записи о полученных от участника сообщениях
acts-category-mentions = упоминания участника в записях других людей (заменены на «—»)

## Способ, причина, процесс
acts-method-erasure-in-place = удаление из базы данных; в записях, которые остаются для обезличенных отчётов, идентифицирующие сведения заменены на «—»
acts-reason-subject_request = отзыв согласия по запросу участника (/forget)
acts-reason-consent_withdrawn = согласие отозвано, действующего согласия нет
acts-reason-purpose_reached = цель обработки достигнута: истёк срок хранения после окончания программы и федеральной отчётности
acts-process-forget-command = автоматически, по команде участника /forget
acts-process-retention-job = автоматически, ежедневная задача уничтожения данных с истёкшим сроком
