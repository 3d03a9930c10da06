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
exit-shift-expired = Хуудаснаас гарах хугацаа дууслаа.
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
help-last-checked = Дугаарыг хамгийн сүүлд шалгасан: { $date }. Эх сурвалж: { $source }.
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
