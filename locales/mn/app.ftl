# Aware: хэрэглэгчийн интерфейсийн бичвэр (монгол).
# Хичээлийн бичвэр энд байхгүй: lessons/<lesson>/mn/ дотор байна. Утасны дугаар ч энд байхгүй:
# lessons/help.toml-оос { $number } хэлбэрээр дамжина.
# Сурагчдад «чи» гэж, багш нарт «та» гэж хандана.

app-name = Aware
page-title = { $page } – Aware

## Дэлгэц бүр дээр харагдах хүрээ
skip-to-content = Үндсэн агуулга руу шилжих
nav-lessons = Хичээлүүд
nav-get-help = Тусламж авах
language-switcher = Хэл
exit-this-page = Хуудаснаас гарах
exit-this-page-hidden-prefix = Яаралтай
exit-shift-hint = Эсвэл Shift товчийг 3 удаа дар
exit-shift-progress = { $remaining ->
   *[other] Shift: гарахын тулд дахиад { $remaining } удаа дар.
}
exit-shift-expired = Shift товчны тоолол дахин эхэллээ: хуудаснаас гарахын тулд Shift товчийг дахиад 3 удаа дар.
exit-loading = Ачаалж байна.
footer-privacy = Aware чиний хариултыг зөвхөн энэ төхөөрөмжид хадгална. Нэр асуухгүй, бүртгэл үүсгэхгүй, чамайг хянахгүй.

## Хадгалалтын мэдэгдэл
storage-unavailable = Энэ төхөөрөмжид явцыг чинь хадгалах боломжгүй байна. Тиймээс энэ хуудсыг хаахад явц чинь устна. Гэхдээ чи бүх хичээл, сорилыг ашиглаж болно.
storage-write-failed = Сүүлийн явцыг чинь энэ төхөөрөмжид хадгалж чадсангүй (санах ой нь дүүрсэн байж магадгүй). Чи үргэлжлүүлж болно, гэхдээ энэ хуудсыг хаахад явц чинь устаж магадгүй.
storage-unreadable = Энэ төхөөрөмжид хадгалсан явцыг уншиж чадсангүй, тиймээс бид шинээр эхлүүллээ. Юу ч устгаагүй: хуучин мэдээлэл энэ төхөөрөмжид хадгалагдсан хэвээр байна.
storage-migrated = Хадгалсан явцыг чинь Aware-ийн энэ хувилбартай ажиллахаар шинэчиллээ.
notice-dismiss = За, энэ мэдэгдлийг нуух

## Хичээл ачаалах
content-loading = Хичээлүүдийг ачаалж байна…
content-failed = Хичээлүүдийг ачаалж чадсангүй. Интернэт холболтоо шалгаад дахин оролдоорой. ({ $reason })
content-retry = Дахин оролдох

## Хичээлүүдийн хуудас
course-title = Хичээлүүд
course-intro = Хүний наймаанаас өөрийгөө хамгаалах тухай богино хичээлүүд. Хичээл бүр сорилтой. Өөрийн хурдаар үз: цаг хэмжихгүй, хурдны оноо байхгүй.
lesson-meta = { $min }–{ $max } нас · { $minutes } минут
status-not-started = Эхлээгүй
status-reading = Уншиж байна: { $total } хэсгээс { $read } нь уншсан
status-quiz = Сорил: { $total } асуултаас { $answered } асуултад хариулсан
status-completed = Дууссан: эхний оролдлогоор { $total } асуултаас { $right } нь зөв
course-for-older = 15 ба түүнээс дээш насныханд
band-question = Чи аль насны бүлэгт байна вэ?
band-hint = Зарим хичээлд зөвхөн 15–18 насныханд зориулсан хэсэг бий. Аль бүлгийг сонгохыг багш чинь хэлж өгнө.
band-younger = 12–14 нас
band-older = 15–18 нас
band-current = Насны бүлэг: { $band }.
band-change = Өөрчлөх

## Хичээлийн хуудсууд
lesson-section-count = { $total } хэсгийн { $current }-р хэсэг
lesson-objectives = Энэ хичээлээр сурах зүйл
lesson-pager = Хэсгүүд
lesson-previous = Өмнөх хэсэг
lesson-next = Дараагийн хэсэг
lesson-start-quiz = Сорил эхлүүлэх
lesson-key-points = Гол санаа
lesson-sources = Эх сурвалж
lesson-source-entry = { $publisher } ({ $year }). { $title }.
citation-label = эх сурвалж { $number }
callout-note = Тэмдэглэл
callout-example = Жишээ
callout-discuss = Ярилцъя
callout-older = 15–18 насныханд
lesson-not-found = Ийм хичээл олдсонгүй.
lesson-for-older = Энэ хичээл 15 ба түүнээс дээш насныханд зориулсан
lesson-for-older-detail = Чиний насны бүлэг 12–14 тул энэ хичээлийг харуулахгүй. Насны бүлгээ хичээлүүдийн хуудсанд өөрчилж болно.
section-not-found = Энэ хичээлд { $number }-р хэсэг байхгүй.
back-to-lessons = Хичээлүүд рүү буцах

## Нөхцөл байдлын дасгал
scenario-choices = Чи юу хийх вэ?
scenario-you-chose = Чиний сонголт: { $choice }
scenario-why = Энэ яагаад чухал вэ:
scenario-continue = Үргэлжлүүлэх
scenario-ending = Энэ бол түүхийн нэг төгсгөл. Бусад сонголт юунд хүргэдгийг харахын тулд дахин эхлүүлээрэй.
scenario-restart = Түүхийг дахин эхлүүлэх

## Багшид зориулсан заавар
teacher-guide-link = Багшид зориулсан заавар
teacher-guide-title = Багшид зориулсан заавар: { $lesson }
teacher-guide-print = Энэ зааврыг хэвлэх
teacher-guide-open-lesson = Хичээлийг нээх
teacher-guide-script = Чанга уншиж өгөх нөхцөл байдлын дасгал: { $title }
teacher-guide-goes-to = ({ $number }-р алхам руу шилжинэ үү.)
teacher-guide-ending = Энэ бол төгсгөл.
translation-unreviewed = Энэ хичээл эсвэл аппын { $language } хэл дээрх бичвэрийг эх хэлтэн хараахан шалгаагүй байна. Хэрэв ямар нэг зүйл буруу бичигдсэн бол хөтөлбөрийн багт мэдэгдэнэ үү.

## Сорил
quiz-question-count = { $total } асуултын { $current }-р асуулт
quiz-select-all = Тохирох бүгдийг сонго.
quiz-true = Үнэн
quiz-false = Худал
quiz-check = Хариултаа шалгах
quiz-choose-first = Эхлээд хариултаа сонго.
quiz-error-summary = Нэг зүйл дутуу байна
quiz-correct = Зөв байна.
quiz-incorrect = Яг тийм биш. Яагаад гэдгийг нь уншаад, дахин оролдоод үзээрэй.
quiz-missed = { $missed ->
   *[other] Олох зөв хариулт дахиад { $missed } үлдлээ.
}
quiz-you-chose = Чиний сонголт: { $option }
quiz-try-again = Дахин оролдох
quiz-next = Дараагийн асуулт
quiz-finish = Юу сурснаа харах
quiz-not-found = Энэ сорилд { $number }-р асуулт байхгүй.

## Сорилын дүн
result-title = Чиний сурсан зүйл
result-first-try = Чи эхний оролдлогоороо { $total } асуултаас { $right } асуултад зөв хариуллаа.
result-all-solved = Чи асуулт бүрийн зөв хариултыг оллоо.
result-unanswered = { $count ->
   *[other] { $count } асуулт хариултаа хүлээж байна.
}
result-continue = Хариулаагүй дараагийн асуулт руу очих
result-key-points = Санаж байх гол санаа
result-retake = Сорилыг дахин өгөх

## Тусламжийн хуудас
help-title = Тусламж авах
help-intro = Хичээлийн ямар нэг зүйл чамайг санаа зовоож байвал, эсвэл чамд юм уу чиний таньдаг хүнд ямар нэг зүйл тохиолдож байвал чи ганцаараа биш. Хэн нэгэнтэй ярилцах нь тусалдаг.
help-call = { $number } руу залгах
# Дугаарыг нийтэлсэн эх сурвалж ба түүнийг тэнд харсан өдөр: дугаар ажилладгийг шалгасан гэсэн үг биш.
help-listed = Дугаарыг жагсаасан: { $source }, { $date }.
# Зөвхөн холбогдсон туршилтын дуудлага л дугаар ажилладгийг харуулна.
help-test-call = Туршилтын дуудлага хийж холбогдсон огноо: { $date }.
help-child-helpline-name = Хүүхдийн тусламжийн утас
help-child-helpline-description = Ямар ч утаснаас үнэгүй, 24 цагийн турш ажилладаг. Хүүхэд, залуучуудад зориулсан: өөрийнхөө эсвэл найзынхаа төлөө санаа зовж байвал, эсвэл ямар нэг зүйл буруу санагдвал холбогдоорой. Тэд чамайг сонсож, тусалж чадна.
help-police-name = Цагдаа
help-police-description = Чи эсвэл өөр хэн нэгэн яг одоо аюулд байгаа бол.
help-trusted-adult = Мөн итгэдэг том хүнтэйгээ ярилцаж болно: эцэг эх, хамаатан садан, багш, сургуулийн эмч эсвэл нийгмийн ажилтан.
help-privacy-title = Энд зочилсноо нууц байлгах
help-privacy = «Хуудаснаас гарах» товч чамайг шууд цаг агаарын вэбсайт руу шилжүүлнэ. Гэхдээ хөтчийн түүхийг чинь устгахгүй: хэрэв хэн нэгэн энэ төхөөрөмжийг шалгаж магадгүй гэж санаа зовж байвал нууц цонх (private window) ашигла эсвэл хөтчийнхөө түүхийг устга.

## Хуудас олдсонгүй
not-found-title = Хуудас олдсонгүй
not-found-body = Энэ хаягаар хуудас байхгүй.

## Мэдлэг ойлголтын асуулга (хичээлийн өмнө ба дараа) болон багшийн дэлгэцүүд рүү шилжих
nav-check = Мэдлэг ойлголтын асуулга
nav-teacher = Багш нарт

## Мэдлэг ойлголтын асуулга (хичээлийн өмнөх ба дараах), сурагч бөглөх үед
check-title = Мэдлэг ойлголтын асуулга
check-loading = Мэдлэг ойлголтын асуулгыг ачаалж байна…
check-failed = Мэдлэг ойлголтын асуулгыг ачаалж чадсангүй. Интернэт холболтоо шалгаад дахин оролдоорой. ({ $reason })
check-intro = Чиний анги энэ асуулгыг хичээлийн өмнө бөглөөд, хичээлийн дараа дахин бөглөнө. Ингэснээр багш чинь анги юу сурсныг харна. Энэ нь чамайг шалгах шалгалт биш.
check-promise-no-names = Нэр асуухгүй: чи зөвхөн картан дээрх кодоо бичнэ.
check-promise-no-timer = Цаг хэмжихгүй: хэрэгтэй хэрээрээ цаг гарга.
check-promise-skip = Чи аль ч асуултыг алгасаж болно. Аль ч өгүүлбэрт «Хариулахыг хүсэхгүй байна» гэж хариулж болно.
check-study-id = Судалгааны дугаар
check-study-id-hint = Үүнийг багш чинь ангид өгнө. Энэ нь үсэг, цифрээс бүрдсэн 10 тэмдэгт.
check-code = Чиний код
check-code-hint = Энэ нь чиний карт дээр байгаа: үсэг, цифрээс бүрдсэн 6 тэмдэгт. Хоёр дахь асуулгад зориулж картаа хадгалаарай.
check-which = Энэ аль асуулга вэ?
check-phase-pre = Хичээлийн өмнө
check-phase-pre-hint = Асуулгыг анх удаа бөглөж байгаа бол.
check-phase-post = Хичээлийн дараа
check-phase-post-hint = Хоёр дахь удаагаа, ижил кодоор.
check-remember = Миний кодыг энэ төхөөрөмж дээр санах
check-remember-hint = Олон хүний ашигладаг компьютер дээр энэ тэмдэглэгээг арилга.
check-begin = Асуулгыг эхлүүлэх
check-error-summary = Нэг асуудал байна
check-error-empty = «{ $field }» талбарыг бөглө.
check-error-length = «{ $field }» { $expected } тэмдэгттэй байх ёстой, гэтэл { $found } тэмдэгттэй байна.
check-error-character = «{ $field }» талбарт «{ $character }» тэмдэгт хэзээ ч ордоггүй ({ $position }-р тэмдэгт). Картаа шалгаарай.
check-error-typo = «{ $field }» талбарт үсгийн алдаа байна: нэг тэмдэгт буруу, эсвэл хоёр тэмдэгтийн байр солигдсон байна. Картаа шалгаарай.
check-error-pre-taken = Энэ кодоор энэ төхөөрөмж дээр хичээлийн өмнөх асуулгыг аль хэдийн бөглөсөн байна. «Хичээлийн дараа» гэснийг сонго, эсвэл кодоо шалга.
check-error-post-taken = Энэ кодоор энэ төхөөрөмж дээр хичээлийн дараах асуулгыг аль хэдийн бөглөсөн байна.
check-test-title-pre = Мэдлэг ойлголтын асуулга: хичээлийн өмнө
check-test-title-post = Мэдлэг ойлголтын асуулга: хичээлийн дараа
check-you-are = Код: { $code }
check-test-intro = Өөрийнхөө бодлоор хариул. Хариултаа өгсний дараа зөв хариултуудыг харна.
check-part-knowledge = 1-р хэсэг: Чи юу мэдэх вэ?
check-part-knowledge-hint = Асуулт бүрт нэг хариулт сонго.
check-part-statements = 2-р хэсэг: Чи юу гэж боддог вэ?
check-part-statements-hint = Зөв, буруу хариулт гэж байхгүй. Хэр зэрэг санал нийлж байгаагаа сонго, эсвэл «Хариулахыг хүсэхгүй байна» гэснийг сонго.
check-question-number = { $total } асуултын { $number }-р асуулт
check-hand-in = Хариултаа өгөх
check-hand-in-anyway = Ингээд өгөх
check-cancel = Өгөлгүйгээр зогсоох
check-missing = { $missing ->
    [one] Чи 1 асуултад хариулаагүй байна. Түүн рүү буцаж болно, эсвэл ингээд өгч болно.
   *[other] Чи { $missing } асуултад хариулаагүй байна. Тэдгээр рүү буцаж болно, эсвэл ингээд өгч болно.
}
check-nothing-answered = Хариултаа өгөхөөсөө өмнө дор хаяж нэг асуултад хариул.
check-done-title = Баярлалаа
check-done-saved = Чиний хариултууд энэ төхөөрөмжид хадгалагдлаа.
check-done-score = 1-р хэсэгт чи { $total } асуултаас { $right } асуултад зөв хариуллаа.
check-file-title = Чиний хариултын файл
check-file-intro = Хэрэв чи асуулгыг өөрийнхөө төхөөрөмж дээр бөглөсөн бол хариултын файлаа хадгалаад багшдаа өг. Үүнд чиний код, хариултууд байгаа. Чиний нэр хэзээ ч байхгүй.
check-file-save = Хариултын файлаа хадгалах
check-file-saved = Хадгаллаа. Файлаа багшдаа өг.
check-file-failed = Файлыг энэ төхөөрөмжид хадгалж чадсангүй. Багшдаа хэлээрэй.
check-next-student = Дараагийн сурагч
check-review-title = 1-р хэсгийн хариултууд
check-review-right = Зөв
check-review-not-right = Яг тийм биш
check-review-no-answer = Чи энэ асуултад хариулаагүй.
check-review-your-answer = Чиний хариулт: { $answer }
check-review-right-answer = Зөв хариулт: { $answer }

## Багшийн дэлгэцүүд: судалгаа, кодын карт, импорт, экспорт
teacher-title = Ангийнхаа юу сурсныг хэмжих
teacher-intro = Хичээлийн өмнө болон дараа ангидаа мэдлэг ойлголтын асуулга бөглүүлж, сурагчдын мэдлэг, хандлага хэрхэн өөрчлөгдсөнийг хараарай. Сурагчид нэр биш, зөвхөн код ашиглана. Бүх мэдээлэл энэ төхөөрөмжид үлдэнэ.
teacher-step-create = Судалгаа үүсгээд кодын картуудыг хэвлэнэ.
teacher-step-pre = Картуудыг санамсаргүй байдлаар тараана. Сурагч бүр өөрийн кодоор «Хичээлийн өмнө» асуулгыг бөглөнө.
teacher-step-teach = Хичээлүүдээ заана.
teacher-step-post = Сурагчид ижил кодоороо «Хичээлийн дараа» асуулгыг бөглөнө.
teacher-step-report = Сурагчдын хариултын файлуудыг импортлоод ангийн тайланг нээнэ.
teacher-create-title = Судалгаа үүсгэх
teacher-label = Өөрийн жагсаалтад харагдах нэр (заавал биш)
teacher-label-hint = Жишээ нь «8Б анги, намар». Ямар ч сурагчийн нэрийг бүү бичээрэй. Энэ нэр зөвхөн энэ төхөөрөмжид үлдэх бөгөөд хэзээ ч экспортлогдохгүй.
teacher-design = Сурагч бүр аль асуултын багцыг авах вэ?
teacher-design-crossover = Хагас хагасаар (зөвлөж байна)
teacher-design-crossover-hint = Ангийн тал нь эхлээд A багц, дараа нь B багцыг бөглөнө. Нөгөө тал нь эсрэгээрээ. Ингэснээр хоёр багцын хоорондын ялгаа бие биенээ нөхнө.
teacher-design-parallel = Бүгд адилхан
teacher-design-parallel-hint = Бүгд хичээлийн өмнө A багц, хичээлийн дараа B багцыг бөглөнө.
teacher-cards = Кодын картын тоо
teacher-cards-hint = Сурагч бүрд нэг, нэмээд хэдэн нөөц карт.
teacher-cards-invalid = 1-ээс { $max } хүртэлх тоо оруулна уу.
teacher-no-randomness = Энэ хөтөч аюулгүй санамсаргүй код үүсгэж чадахгүй байна. Өөр хөтөч ашиглаад үзнэ үү.
teacher-create = Судалгааг үүсгэх
teacher-import-title = Хариултын файл импортлох
teacher-import-intro = Сурагчдынхаа хадгалсан файлуудыг сонгох эсвэл энд чирч оруулна уу. Өмнө нь импортолсон файлууд болон энэ төхөөрөмжид аль хэдийн байгаа бичлэгүүдийг алгасна.
teacher-studies-title = Таны судалгаанууд
teacher-no-studies = Энэ төхөөрөмжид одоогоор судалгаа алга.
teacher-study-name = Судалгаа { $id }
teacher-study-imported = Импортолсон хариултуудаас олдсон.
teacher-study-counts = Хичээлийн өмнө: { $pre }. Хичээлийн дараа: { $post }.
teacher-study-created = Үүсгэсэн огноо: { $date }
teacher-study-not-found = Тэр судалгааг олж чадсангүй.
teacher-tell-class-title = Ангидаа юу хэлэх вэ
teacher-tell-class = Сурагчид Aware-ийг нээгээд «Мэдлэг ойлголтын асуулга» гэснийг сонгож, энэ судалгааны дугаар болон картан дээрх кодоо бичнэ:
teacher-print-cards = Кодын картуудыг хэвлэх
teacher-open-check = Мэдлэг ойлголтын асуулгыг нээх
teacher-results-title = Энэ төхөөрөмж дээрх хариултууд
teacher-open-report = Ангийн тайланг нээх
cards-title = Кодын картууд
cards-intro = { $count } карт. Хэвлээд, зураасын дагуу хайчилж, санамсаргүй байдлаар тараана уу. Хэн аль картыг авсныг бүү тэмдэглэж аваарай.
cards-print = Картуудыг хэвлэх
cards-back = Судалгаа руу буцах
cards-not-here = Судалгааны картуудыг зөвхөн тухайн судалгааг үүсгэсэн төхөөрөмжөөс хэвлэж болно.
cards-card-title = Aware – мэдлэг ойлголтын асуулга
cards-card-note = Хоёр дахь асуулгад зориулж энэ картаа хадгалаарай. Дээр нь нэрээ бүү бич.
import-choose = Хариултын файлуудыг сонгох
import-hint = Олон файлыг нэг дор сонгож болно, эсвэл энд чирч оруулж болно.
import-busy = Импортлож байна…
import-summary = { $files ->
    [one] 1 файл уншлаа
   *[other] { $files } файл уншлаа
}{ $refused ->
    [0] .
    [one] . Үүнээс 1 файлыг импортлож чадсангүй:
   *[other] . Үүнээс { $refused } файлыг импортлож чадсангүй:
}
import-added = { $added } шинэ бичлэг нэмэгдлээ, { $duplicates } бичлэг аль хэдийн байсан.
import-conflicts = { $conflicts ->
    [one] 1 бичлэг энэ төхөөрөмж дээр байгаа нэг бичлэгтэй ижил код, ижил асуулгынх боловч хариулт нь өөр байна. Эхнийхийг нь үлдээлээ.
   *[other] { $conflicts } бичлэг энэ төхөөрөмж дээр байгаа бичлэгүүдтэй ижил код, ижил асуулгынх боловч хариулт нь өөр байна. Эхнийхийг нь үлдээлээ.
}
import-other-studies = Үүний { $count } бичлэг нь өөр судалгаанд хамаарна.
import-unreadable = файлыг уншиж чадсангүй ({ $reason }).
import-too-large = файл хэт том тул хариултын файл байж чадахгүй.
import-not-json = энэ нь хариултын файл биш (гэмтсэн эсвэл өөр төрлийн файл байна; { $line }-р мөр, { $column }-р багана).
import-not-results = энэ нь Aware-ийн хариултын файл биш.
import-newer-version = энэ файлыг Aware-ийн шинэ хувилбараар үүсгэсэн (файлын хувилбар { $version }). Aware-ийг шинэчлээд дахин импортлоно уу.
import-damaged = файл гэмтсэн байна ({ $detail }).
import-too-many = файлд хэт олон бичлэг байна (дээд тал нь { $max }).
import-bad-record = { $record }-р бичлэг гэмтсэн байна: { $detail }.
import-duplicate-record = { $record }-р бичлэг { $same }-р бичлэгийг давтсан тул файлыг импортлоогүй.
export-title = Экспорт
export-intro = Экспортлох файлд зөвхөн код, хариулт байна: нэр, цаг хугацаа, төхөөрөмжийн мэдээлэл байхгүй.
export-aggregate = Тайлангийн хураангуй (JSON)
export-aggregate-hint = Зөвхөн ангийн түвшний тоонууд, жижиг бүлгүүдийг нуусан. Сургуулиас гадуур хуваалцахад аюулгүй.
export-results-csv = Хүснэгтэд зориулсан хариултууд (CSV)
export-results-csv-hint = Сурагч, асуулга бүрт нэг мөр, асуулт бүрт нэг багана. Хөтөлбөрийн тань үнэлгээчинд зориулсан, олон хүнтэй хуваалцахад зориулаагүй.
export-results-json = Хариултын файл (JSON)
export-results-json-hint = Энэ судалгааны бүх бичлэг, өөр төхөөрөмжид импортлоход зориулсан.
export-codebook = Кодын тайлбар (CSV)
export-codebook-hint = Хариултын багана, утга бүр юу гэсэн үг болохыг бүх хэл дээр тайлбарласан.
export-saved = Файлыг хадгаллаа.
export-failed = Файлыг энэ төхөөрөмжид хадгалж чадсангүй.
study-storage-unavailable = Асуулгын хариултыг энэ төхөөрөмжид хадгалах боломжгүй тул энэ хуудсыг хаахад устна. Хаахаасаа өмнө хариултын файлуудыг хадгална уу.
study-storage-write-failed = Асуулгын хамгийн сүүлийн хариултуудыг энэ төхөөрөмжид хадгалж чадсангүй (санах ой нь дүүрсэн байж магадгүй). Энэ хуудсыг хаахаасаа өмнө хариултын файлуудыг хадгална уу.
study-storage-unreadable = Хадгалсан асуулгын зарим мэдээллийг уншиж чадаагүй тул тусад нь хадгаллаа. Юу ч устгаагүй: энэ төхөөрөмжид хадгалагдсан хэвээр байна.

## Ангийн тайлан
report-title = Ангийн тайлан
report-print = Тайланг хэвлэх
report-counts-title = Хэн оролцсон бэ
report-count-pre = Хичээлийн өмнө асуулга бөглөсөн
report-count-post = Хичээлийн дараа асуулга бөглөсөн
report-count-matched = Хоёуланг нь бөглөсөн (өөрчлөлтийг нь хэмжиж болно)
report-match-rate = Хоёуланг нь бөглөсөн сурагчдын эзлэх хувь
report-ignored = Тооцоонд оруулаагүй: асуулгын өөр хувилбарынх { $other }, давтагдсан { $repeated }.
report-hidden-title = Үр дүнг нуусан
report-hidden = Хоёр асуулгыг хоёуланг нь зөвхөн { $matched } сурагч бөглөсөн байна. Дор хаяж { $k } сурагч бөглөсөн үед үр дүн харагдана.
report-hidden-why = Сурагч цөөн байвал үр дүнгээс нэг сурагч юу гэж хариулсныг мэдэж болзошгүй. Юу ч үүрд нуугдахгүй: дахиад хариултын файл импортлоход тайлан гарч ирнэ.
report-summary-title = Хураангуй
report-summary-knowledge = { $direction ->
    [rose] Мэдлэг дээшилсэн: хоёр асуулгыг хоёуланг нь бөглөсөн { $n } сурагчийн зөв хариултын эзлэх хувь өмнө нь { $pre } байсан бол дараа нь { $post } болсон.
    [fell] Мэдлэг буурсан: хоёр асуулгыг хоёуланг нь бөглөсөн { $n } сурагчийн зөв хариултын эзлэх хувь өмнө нь { $pre } байсан бол дараа нь { $post } болсон.
   *[same] Мэдлэг өөрчлөгдөөгүй: хоёр асуулгыг хоёуланг нь бөглөсөн { $n } сурагчийн зөв хариултын эзлэх хувь өмнө ч, дараа ч { $pre } байна.
}
report-summary-gain = Анги өмнө нь мэдээгүй байсан зүйлийнхээ { $gain } хэсгийг сурсан (нормчилсон ахиц: { $band }).
report-band-gain-low = бага
report-band-gain-medium = дунд
report-band-gain-high = өндөр
# $p is the p-value with its relation sign: "p = 0.012", or "p < 0.001".
report-summary-chance = { $chance ->
    [unlikely] Ийм их өөрчлөлт санамсаргүй тохиолдол байх магадлал бага ({ $p }).
   *[possible] Энэ өөрчлөлт санамсаргүй тохиолдол байж болно ({ $p }).
}
report-summary-effect = Нөлөөллийн хэмжээ: { $g } ({ $size }).
report-effect-negligible = үл ялиг
report-effect-small = бага
report-effect-medium = дунд
report-effect-large = их
report-summary-no-variation = Бүх сурагчийн оноо ижил хэмжээгээр өөрчлөгдсөн тул тест болон нөлөөллийн хэмжээг тооцоолох боломжгүй.
report-summary-scale = { $scale }: 5 онооны хуваарьт дундаж оноо өмнө нь { $pre }, дараа нь { $post } байна (өндөр байх тусам сайн). { $chance ->
    [unlikely] Энэ өөрчлөлт санамсаргүй тохиолдол байх магадлал бага.
   *[possible] Энэ өөрчлөлт санамсаргүй тохиолдол байж болно.
}
report-summary-scale-hidden = { $scale }: нуусан, учир нь хоёр удаа хоёуланд нь бүх өгүүлбэрт хариулсан сурагч хэт цөөн байна.
report-knowledge-title = Мэдлэг: үнэлгээчдэд зориулсан дэлгэрэнгүй
report-k-n = Хоёр асуулгыг хоёуланг нь бөглөсөн сурагчид
report-k-pre = Зөв хариултын дундаж хувь, өмнө
report-k-post = Зөв хариултын дундаж хувь, дараа
report-k-change = Дундаж өөрчлөлт (нэгж хувь)
report-k-gain = Нормчилсон ахиц ⟨g⟩ (Hake)
report-k-t = Хосолсон t-тест
report-k-dz = Нөлөөллийн хэмжээ d_z
report-k-gz = Нөлөөллийн хэмжээ g_z (Hedges-ийн залруулгатай)
report-k-dz-ci = 95 % итгэх завсар (d_z)
report-not-defined = тодорхойлогдоогүй
report-items-title = Асуулт тус бүр
report-items-hint = Мөр бүрт нэг асуулт болон нөгөө багц дахь түүнтэй зэрэгцээ асуулт байна.
report-items-chart = Асуулт бүрт зөв хариулсан сурагчдын эзлэх хувь, өмнө ба дараа
report-before = Өмнө
report-after = Дараа
report-col-question = Асуулт (A багцын хувилбараар)
report-col-p = p
report-col-p-holm = p (Holm)
report-col-statement = Өгүүлбэр
report-col-n = Сурагчийн тоо
report-items-method = Хариултаа өөрчилсөн сурагчдад McNemar тест хийсэн (ийм сурагч 25-аас цөөн бол нарийвчилсан бином тест), олон асуулт шалгаж байгаа тул Holm аргаар залруулсан. 5 % ба түүнээс бага, 95 % ба түүнээс их хувийг «≤ 5 %», «≥ 95 %» гэж харуулна.
report-changes-title = Сурагч бүрийн оноо хэрхэн өөрчлөгдсөн бэ
report-changes-chart = Оноо нь буурсан, өөрчлөгдөөгүй, эсвэл өссөн сурагчдын тоо
report-band-fell = Буурсан
report-band-same = Өөрчлөгдөөгүй
report-band-rose-up-to-25 = 25 хүртэл нэгж хувиар өссөн
report-band-rose-more-than-25 = 25-аас дээш нэгж хувиар өссөн
report-cell-hidden = нуусан
report-cells-hidden = Зарим тоог нуусан: { $k } хүрэхгүй тоог харуулахгүй, мөн нуусан тоог тооцоолж гаргах боломж олгох ямар ч тоог харуулахгүй.
report-scales-title = Хандлага ба тусламж хүсэх
report-scales-hint = Урвуу кодолсны дараах 1-ээс 5 хүртэлх оноо: өндөр оноо нь үргэлж хичээлүүдийн зорьж буй хандлагыг илэрхийлнэ. Тест: Wilcoxon signed-rank (тэмдэгтэй рангийн тест).
report-reversed = (урвуу кодолсон)
report-scale-score = Хэмжүүрийн оноо (бүх өгүүлбэрт хариулсан сурагчид)
report-statement-hidden = Нуусан: энэ өгүүлбэрт хоёр удаа хоёуланд нь хариулсан сурагчдын тоо { $k } хүрэхгүй байна.
report-alpha = Дотоод нийцтэй байдал (Cronbach's α): өмнө нь { $pre }, дараа нь { $post }.
report-privacy-title = Зарим үр дүнг яагаад нууж болох вэ
report-privacy = Энэ тайлан зөвхөн дор хаяж { $k } сурагчтай бүлгийн үр дүнг харуулж, нэг сурагч юу гэж хариулсныг илчилж болох тоог нууна. Сурагчдын код, хариулт үүнд хэзээ ч гарахгүй.

## Classroom: presenting a lesson to a class, polling it, and the session summary (teacher only)
teacher-sessions-title = Хичээлийг ангидаа үзүүлэх
teacher-sessions-intro = Хичээлийг проектор эсвэл том дэлгэц дээр нэг нэг дэлгэцээр үзүүлнэ. Сурагчид асуултад хэвлэсэн хариултын карт өргөх эсвэл гар өргөж хариулна; та үсэг тус бүрийг хэдэн сурагч сонгосныг оруулна. Нэр асуухгүй, сурагчдад хугацаа тоолохгүй, бүх мэдээлэл энэ төхөөрөмжид үлдэнэ.
teacher-sessions-lessons = Хичээлүүд
teacher-sessions-kept = Энэ төхөөрөмжид хадгалсан хичээлүүд
teacher-sessions-none = Энэ төхөөрөмжид одоогоор хадгалсан хичээл алга.
teacher-sessions-entry = { $lesson }, { $date }
teacher-sessions-unavailable = Энэ төхөөрөмжид хичээлийн явцыг хадгалах боломжгүй тул энэ хуудсыг хаахад устна. Хаахаасаа өмнө хураангуйг экспортлоно уу.
teacher-sessions-write-failed = Сүүлийн хичээлийн явцыг энэ төхөөрөмжид хадгалж чадсангүй (санах ой нь дүүрсэн байж магадгүй). Энэ хуудсыг хаахаасаа өмнө хураангуйг экспортлоно уу.
teacher-sessions-unreadable = Энэ төхөөрөмжид хадгалсан хичээлүүдийг уншиж чадаагүй тул шинэ жагсаалт эхлүүллээ. Юу ч устгаагүй.
teacher-sessions-newer = Энэ төхөөрөмжид хадгалсан хичээлүүдийг Aware-ийн шинэ хувилбар хадгалсан тул хөндөлгүй үлдээлээ. Шинэ хичээлүүд энэ хуудсыг хаах хүртэл л хадгалагдана.
teacher-present-link = Ангидаа үзүүлэх
teacher-present-title = Үзүүлэх: { $lesson }
teacher-present-band = Ангийн насны бүлэг
teacher-present-band-younger = 12–14 нас
teacher-present-band-older = 15–18 нас
teacher-present-older-only = Энэ хичээл 15 ба түүнээс дээш насныханд зориулагдсан тул зөвхөн 15–18 насныханд үзүүлнэ.
teacher-present-language = Ангид харуулах хэл
teacher-present-start = Үзүүлж эхлэх
teacher-present-no-randomness = Энэ хөтөч хичээлийн дугаар үүсгэж чадахгүй байна. Өөр хөтөч ашиглана уу.
teacher-present-not-found = Энэ хичээл энэ төхөөрөмжид хадгалагдаагүй байна.
teacher-present-waiting = Энэ хичээлийн нөгөө цонхыг хүлээж байна…
teacher-present-guide-scenario = нөхцөл байдлын
teacher-present-guide-quiz = асуулт
teacher-present-screen = { $total } дэлгэцийн { $number }-р дэлгэц
teacher-present-question = { $total } асуултын { $number }-р асуулт
teacher-present-select-all = Нэгээс олон зөв хариулт байж болно.
teacher-present-next = Дараах
teacher-present-back = Өмнөх
teacher-present-blank = Дэлгэцийг харлуулах
teacher-present-unblank = Дэлгэцийг дахин харуулах
teacher-present-blanked = Ангийн дэлгэц харласан байна.
teacher-present-fullscreen = Бүтэн дэлгэц
teacher-present-leave = Гарах
teacher-present-controls = Удирдлага
teacher-present-keys = Товчлуур: → эсвэл Space — дараах, ← — өмнөх, B — дэлгэцийг харлуулах, F — бүтэн дэлгэц, Esc — гарах.
teacher-present-open-presenter = Илтгэгчийн цонхыг нээх
teacher-present-popup-blocked = Хөтөч шинэ цонх нээсэнгүй. Энэ сайтад шинэ цонх нээхийг зөвшөөрнө үү, эсвэл энэ цонхонд үргэлжлүүлнэ үү.
teacher-present-choose = Анги юуг сонгож байна вэ?
teacher-present-class-chose = Ангийн сонголт: { $choice }
teacher-present-why = Яагаад:
teacher-present-restart = Нөхцөл байдлын дасгалыг дахин эхлүүлэх
teacher-present-the-end = Нөхцөл байдлын дасгалын төгсгөл.
teacher-present-choose-first = Эхлээд ангийн сонголтыг сонгоно уу.
teacher-present-at-end = Энэ бол сүүлийн дэлгэц.
teacher-present-at-start = Энэ бол эхний дэлгэц.
teacher-present-refused = Энэ дэлгэц дээр үүнийг хийх боломжгүй.
teacher-present-presenter-title = Илтгэгчийн цонх: { $lesson }
teacher-present-notes = Багшид зориулсан заавраас
teacher-present-no-notes = Энэ хичээлийн зааварт энэ дэлгэцэд зориулсан тэмдэглэл алга.
teacher-present-up-next = Дараагийн дэлгэц
teacher-present-up-next-none = Энэ бол хичээлийн төгсгөл.
teacher-present-up-next-choice = Анги сонголтоо хийсний дараа гарна.
teacher-present-opening = Эхлэл: гарчиг ба анхааруулга
teacher-present-closing = Төгсгөл: гол санаа, тусламж авах газар
teacher-present-elapsed = Энэ цонхыг нээснээс хойш (зөвхөн та харна): { $minutes } мин { $seconds } сек
teacher-present-disclosure = Сурагч танд ямар нэг зүйл хэлбэл
teacher-present-class-screen-open = Ангийн дэлгэц нээлттэй байна.
teacher-present-class-screen-closed = Ангийн дэлгэц нээгдээгүй байна.
teacher-present-end = Дуусгаад хураангуйг харах
teacher-poll-open = Ангиас санал авах
teacher-poll-title = Анги хэрхэн хариулсан бэ
teacher-poll-count = { $letter } хариултын тоо
teacher-poll-plus = { $letter } хариултад нэгийг нэмэх
teacher-poll-minus = { $letter } хариултаас нэгийг хасах
teacher-poll-answered = Хариулсан сурагчдын тоо
teacher-poll-undo = Буцаах
teacher-poll-close = Санал авалтыг хаах
teacher-poll-repoll = Ярилцсаны дараа дахин санал авах
teacher-poll-reveal = Зөв хариултыг харуулах
teacher-poll-option = Хариулт
teacher-poll-before = Эхний санал
teacher-poll-after = Ярилцсаны дараа
teacher-poll-share = { $count } ({ $percent }%)
teacher-poll-correct = Зөв хариулт
teacher-poll-discuss = Хажуудахтайгаа ярилцаарай: яагаад энэ хариулт зөв бэ? Дараа нь анги дахин хариулна.
teacher-poll-refused = Энэ тоог өөрчлөх боломжгүй: { $reason }
teacher-poll-too-large = тоо хэт их байна.
teacher-poll-at-zero = аль хэдийн 0 байна.
teacher-poll-not-open = эхлээд санал авалтыг нээнэ үү.
teacher-session-summary-title = Хичээлийн хураангуй: { $lesson }
teacher-session-meta = { $date }-нд, { $band }, { $language } хэлээр явуулсан.
teacher-session-print = Хураангуйг хэвлэх
teacher-session-csv = CSV экспортлох
teacher-session-json = JSON экспортлох
teacher-session-codebook = Кодын тайлбарыг экспортлох (CSV)
teacher-session-export-failed = Хөтөч файлыг хадгалсангүй. Дахин оролдоно уу.
teacher-session-delete = Энэ хичээлийг энэ төхөөрөмжөөс устгах
teacher-session-continue = Үргэлжлүүлэн үзүүлэх
teacher-session-no-polls = Энэ хичээлд ямар ч асуултаар санал аваагүй.
teacher-session-not-polled = Санал аваагүй.
teacher-answer-cards-link = Хариултын карт хэвлэх
teacher-answer-cards-title = Хариултын карт
teacher-answer-cards-intro = Сурагч бүрт нэг карт; бүх хичээлд дахин ашиглана. Сурагчид хариултынхаа үсгийг өргөнө; та үсэг тус бүрийг тоолж, тоог оруулна. Картад нэр, дугаар байхгүй.
teacher-answer-cards-count = Картын тоо
teacher-answer-cards-invalid = Картын тоог 1-ээс { $max } хүртэл оруулна уу.
teacher-answer-cards-print = Картуудыг хэвлэх
teacher-answer-cards-card = Хариултын карт
