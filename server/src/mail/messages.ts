/**
 * The words of notification mails and of the confirm / unsubscribe pages, in every language the
 * elements speak (src/core/messages/). A recipient's language is the one stored with their
 * subscription; a missing or unknown one falls back to English.
 */
export interface MailMessages {
  /** Subject of a mail with one reply; {name}: who replied. */
  replySubject: string;
  /** Subject of a mail with several replies; {n}: how many. */
  repliesSubject: string;
  /** First line; {page}: the page (its address). */
  intro: string;
  /** Above each reply; {name}: who wrote it. */
  wrote: string;
  /** The link to a reply. */
  open: string;
  /** Why the mail came. */
  why: string;
  unsubscribeThread: string;
  unsubscribeAll: string;
  confirmSubject: string;
  /** {page}: the page the comment is on. */
  confirmBody: string;
  confirmIgnore: string;
  confirmButton: string;
  confirmDone: string;
  unsubscribeButton: string;
  unsubscribeThreadQuestion: string;
  unsubscribeAllQuestion: string;
  unsubscribeDone: string;
  invalidLink: string;
  /** Subject of the moderators' digest; {counts}: the counts below, as a list. */
  digestSubject: string;
  /** {n}: how many held comments (a label and a number: no plural forms needed). */
  digestHeldCount: string;
  /** {n}: how many typo reports. */
  digestReportsCount: string;
  /** Heading above the held comments. */
  digestHeld: string;
  /** Heading above the typo reports. */
  digestReports: string;
  /** {name}: who wrote the held comment; {thread}: its thread. */
  digestIn: string;
  /** After the name of a guest (not signed in). */
  digestGuest: string;
  /** Why the digest came; {setting}: the setting listing the address. */
  digestWhy: string;
}

const en: MailMessages = {
  replySubject: '{name} replied to your comment',
  repliesSubject: 'New replies to your comment ({n})',
  intro: 'There are new replies to your comment on {page}.',
  wrote: '{name} wrote:',
  open: 'Read and answer',
  why: 'You get this e-mail because you asked to be told of replies to your comments.',
  unsubscribeThread: 'Stop e-mails about this conversation',
  unsubscribeAll: 'Stop all reply e-mails',
  confirmSubject: 'Confirm your e-mail address',
  confirmBody: 'Someone, hopefully you, asked to be told by e-mail of replies to a comment on {page}. To confirm, open this link:',
  confirmIgnore: 'If it was not you, ignore this e-mail: nothing more will come.',
  confirmButton: 'Confirm',
  confirmDone: 'Thank you: your address is confirmed. You will be told of replies.',
  unsubscribeButton: 'Unsubscribe',
  unsubscribeThreadQuestion: 'Stop e-mails about replies in this conversation?',
  unsubscribeAllQuestion: 'Stop all e-mails about replies?',
  unsubscribeDone: 'You are unsubscribed: no more e-mails of this kind will come.',
  invalidLink: 'This link is not valid: it may be incomplete, or too old.',
  digestSubject: 'Awaiting moderation ({counts})',
  digestHeldCount: 'held comments: {n}',
  digestReportsCount: 'typo reports: {n}',
  digestHeld: 'Held comments',
  digestReports: 'Typo reports',
  digestIn: '{name} in {thread}',
  digestGuest: 'guest',
  digestWhy: 'You get this digest because your address is in {setting}.',
};

const de: MailMessages = {
  replySubject: '{name} hat auf Ihren Kommentar geantwortet',
  repliesSubject: 'Neue Antworten auf Ihren Kommentar ({n})',
  intro: 'Es gibt neue Antworten auf Ihren Kommentar auf {page}.',
  wrote: '{name} schrieb:',
  open: 'Lesen und antworten',
  why: 'Sie erhalten diese E-Mail, weil Sie über Antworten auf Ihre Kommentare informiert werden wollten.',
  unsubscribeThread: 'Keine E-Mails mehr zu dieser Unterhaltung',
  unsubscribeAll: 'Keine Antwort-E-Mails mehr',
  confirmSubject: 'Bestätigen Sie Ihre E-Mail-Adresse',
  confirmBody: 'Jemand, hoffentlich Sie, möchte per E-Mail über Antworten auf einen Kommentar auf {page} informiert werden. Zum Bestätigen öffnen Sie diesen Link:',
  confirmIgnore: 'Wenn Sie es nicht waren, ignorieren Sie diese E-Mail: Es kommt nichts weiter.',
  confirmButton: 'Bestätigen',
  confirmDone: 'Danke: Ihre Adresse ist bestätigt. Sie werden über Antworten informiert.',
  unsubscribeButton: 'Abmelden',
  unsubscribeThreadQuestion: 'Keine E-Mails mehr über Antworten in dieser Unterhaltung?',
  unsubscribeAllQuestion: 'Keine E-Mails mehr über Antworten?',
  unsubscribeDone: 'Sie sind abgemeldet: Es kommen keine solchen E-Mails mehr.',
  invalidLink: 'Dieser Link ist ungültig: Er ist vielleicht unvollständig oder zu alt.',
  digestSubject: 'Warten auf Moderation ({counts})',
  digestHeldCount: 'zurückgehaltene Kommentare: {n}',
  digestReportsCount: 'Tippfehlermeldungen: {n}',
  digestHeld: 'Zurückgehaltene Kommentare',
  digestReports: 'Tippfehlermeldungen',
  digestIn: '{name} in {thread}',
  digestGuest: 'Gast',
  digestWhy: 'Sie erhalten diese Übersicht, weil Ihre Adresse in {setting} steht.',
};

const es: MailMessages = {
  replySubject: '{name} respondió a tu comentario',
  repliesSubject: 'Nuevas respuestas a tu comentario ({n})',
  intro: 'Hay nuevas respuestas a tu comentario en {page}.',
  wrote: '{name} escribió:',
  open: 'Leer y responder',
  why: 'Recibes este correo porque pediste que te avisáramos de las respuestas a tus comentarios.',
  unsubscribeThread: 'No recibir más correos de esta conversación',
  unsubscribeAll: 'No recibir más correos de respuestas',
  confirmSubject: 'Confirma tu dirección de correo',
  confirmBody: 'Alguien, esperamos que tú, pidió que le avisáramos por correo de las respuestas a un comentario en {page}. Para confirmarlo, abre este enlace:',
  confirmIgnore: 'Si no fuiste tú, ignora este correo: no recibirás nada más.',
  confirmButton: 'Confirmar',
  confirmDone: 'Gracias: tu dirección está confirmada. Te avisaremos de las respuestas.',
  unsubscribeButton: 'Darse de baja',
  unsubscribeThreadQuestion: '¿Dejar de recibir correos sobre respuestas en esta conversación?',
  unsubscribeAllQuestion: '¿Dejar de recibir todos los correos sobre respuestas?',
  unsubscribeDone: 'Te has dado de baja: no recibirás más correos de este tipo.',
  invalidLink: 'Este enlace no es válido: puede estar incompleto o ser demasiado antiguo.',
  digestSubject: 'Pendiente de moderación ({counts})',
  digestHeldCount: 'comentarios retenidos: {n}',
  digestReportsCount: 'avisos de erratas: {n}',
  digestHeld: 'Comentarios retenidos',
  digestReports: 'Avisos de erratas',
  digestIn: '{name} en {thread}',
  digestGuest: 'invitado',
  digestWhy: 'Recibes este resumen porque tu dirección figura en {setting}.',
};

const fr: MailMessages = {
  replySubject: '{name} a répondu à votre commentaire',
  repliesSubject: 'Nouvelles réponses à votre commentaire ({n})',
  intro: 'Il y a de nouvelles réponses à votre commentaire sur {page}.',
  wrote: '{name} a écrit :',
  open: 'Lire et répondre',
  why: 'Vous recevez ce courriel parce que vous avez demandé à être prévenu des réponses à vos commentaires.',
  unsubscribeThread: 'Ne plus recevoir de courriels sur cette conversation',
  unsubscribeAll: 'Ne plus recevoir aucun courriel de réponse',
  confirmSubject: 'Confirmez votre adresse e-mail',
  confirmBody: 'Quelqu’un, vous sans doute, a demandé à être prévenu par courriel des réponses à un commentaire sur {page}. Pour confirmer, ouvrez ce lien :',
  confirmIgnore: 'Si ce n’était pas vous, ignorez ce courriel : vous ne recevrez rien d’autre.',
  confirmButton: 'Confirmer',
  confirmDone: 'Merci : votre adresse est confirmée. Vous serez prévenu des réponses.',
  unsubscribeButton: 'Se désabonner',
  unsubscribeThreadQuestion: 'Ne plus recevoir de courriels sur les réponses dans cette conversation ?',
  unsubscribeAllQuestion: 'Ne plus recevoir aucun courriel sur les réponses ?',
  unsubscribeDone: 'Vous êtes désabonné : vous ne recevrez plus de courriels de ce type.',
  invalidLink: 'Ce lien n’est pas valide : il est peut-être incomplet ou trop ancien.',
  digestSubject: 'En attente de modération ({counts})',
  digestHeldCount: 'commentaires retenus : {n}',
  digestReportsCount: 'signalements de coquilles : {n}',
  digestHeld: 'Commentaires retenus',
  digestReports: 'Signalements de coquilles',
  digestIn: '{name} dans {thread}',
  digestGuest: 'invité',
  digestWhy: 'Vous recevez ce récapitulatif parce que votre adresse figure dans {setting}.',
};

const it: MailMessages = {
  replySubject: '{name} ha risposto al tuo commento',
  repliesSubject: 'Nuove risposte al tuo commento ({n})',
  intro: 'Ci sono nuove risposte al tuo commento su {page}.',
  wrote: '{name} ha scritto:',
  open: 'Leggi e rispondi',
  why: 'Ricevi questa e-mail perché hai chiesto di essere avvisato delle risposte ai tuoi commenti.',
  unsubscribeThread: 'Niente più e-mail su questa conversazione',
  unsubscribeAll: 'Niente più e-mail di risposte',
  confirmSubject: 'Conferma il tuo indirizzo e-mail',
  confirmBody: 'Qualcuno, speriamo tu, ha chiesto di essere avvisato via e-mail delle risposte a un commento su {page}. Per confermare, apri questo link:',
  confirmIgnore: 'Se non sei stato tu, ignora questa e-mail: non riceverai altro.',
  confirmButton: 'Conferma',
  confirmDone: 'Grazie: il tuo indirizzo è confermato. Sarai avvisato delle risposte.',
  unsubscribeButton: 'Annulla iscrizione',
  unsubscribeThreadQuestion: 'Non ricevere più e-mail sulle risposte in questa conversazione?',
  unsubscribeAllQuestion: 'Non ricevere più alcuna e-mail sulle risposte?',
  unsubscribeDone: 'Iscrizione annullata: non riceverai più e-mail di questo tipo.',
  invalidLink: 'Questo link non è valido: potrebbe essere incompleto o troppo vecchio.',
  digestSubject: 'In attesa di moderazione ({counts})',
  digestHeldCount: 'commenti trattenuti: {n}',
  digestReportsCount: 'segnalazioni di refusi: {n}',
  digestHeld: 'Commenti trattenuti',
  digestReports: 'Segnalazioni di refusi',
  digestIn: '{name} in {thread}',
  digestGuest: 'ospite',
  digestWhy: 'Ricevi questo riepilogo perché il tuo indirizzo è in {setting}.',
};

const nl: MailMessages = {
  replySubject: '{name} heeft op je reactie gereageerd',
  repliesSubject: 'Nieuwe antwoorden op je reactie ({n})',
  intro: 'Er zijn nieuwe antwoorden op je reactie op {page}.',
  wrote: '{name} schreef:',
  open: 'Lezen en antwoorden',
  why: 'Je krijgt deze e-mail omdat je gevraagd hebt op de hoogte te blijven van antwoorden op je reacties.',
  unsubscribeThread: 'Geen e-mails meer over dit gesprek',
  unsubscribeAll: 'Geen antwoord-e-mails meer',
  confirmSubject: 'Bevestig je e-mailadres',
  confirmBody: 'Iemand, hopelijk jij, wil per e-mail horen van antwoorden op een reactie op {page}. Open deze link om dat te bevestigen:',
  confirmIgnore: 'Was jij het niet? Negeer deze e-mail dan: er komt niets meer.',
  confirmButton: 'Bevestigen',
  confirmDone: 'Bedankt: je adres is bevestigd. Je hoort van antwoorden.',
  unsubscribeButton: 'Afmelden',
  unsubscribeThreadQuestion: 'Geen e-mails meer over antwoorden in dit gesprek?',
  unsubscribeAllQuestion: 'Helemaal geen e-mails meer over antwoorden?',
  unsubscribeDone: 'Je bent afgemeld: er komen geen e-mails van deze soort meer.',
  invalidLink: 'Deze link is ongeldig: hij is misschien onvolledig of te oud.',
  digestSubject: 'Wacht op moderatie ({counts})',
  digestHeldCount: 'tegengehouden reacties: {n}',
  digestReportsCount: 'tikfoutmeldingen: {n}',
  digestHeld: 'Tegengehouden reacties',
  digestReports: 'Tikfoutmeldingen',
  digestIn: '{name} in {thread}',
  digestGuest: 'gast',
  digestWhy: 'Je krijgt dit overzicht omdat je adres in {setting} staat.',
};

const pt: MailMessages = {
  replySubject: '{name} respondeu ao seu comentário',
  repliesSubject: 'Novas respostas ao seu comentário ({n})',
  intro: 'Há novas respostas ao seu comentário em {page}.',
  wrote: '{name} escreveu:',
  open: 'Ler e responder',
  why: 'Recebe este e-mail porque pediu para ser avisado das respostas aos seus comentários.',
  unsubscribeThread: 'Deixar de receber e-mails sobre esta conversa',
  unsubscribeAll: 'Deixar de receber e-mails de respostas',
  confirmSubject: 'Confirme o seu endereço de e-mail',
  confirmBody: 'Alguém, esperamos que tenha sido você, pediu para ser avisado por e-mail das respostas a um comentário em {page}. Para confirmar, abra esta ligação:',
  confirmIgnore: 'Se não foi você, ignore este e-mail: não receberá mais nada.',
  confirmButton: 'Confirmar',
  confirmDone: 'Obrigado: o seu endereço está confirmado. Será avisado das respostas.',
  unsubscribeButton: 'Cancelar subscrição',
  unsubscribeThreadQuestion: 'Deixar de receber e-mails sobre respostas nesta conversa?',
  unsubscribeAllQuestion: 'Deixar de receber todos os e-mails sobre respostas?',
  unsubscribeDone: 'Subscrição cancelada: não receberá mais e-mails deste tipo.',
  invalidLink: 'Esta ligação não é válida: pode estar incompleta ou ser demasiado antiga.',
  digestSubject: 'A aguardar moderação ({counts})',
  digestHeldCount: 'comentários retidos: {n}',
  digestReportsCount: 'relatos de gralhas: {n}',
  digestHeld: 'Comentários retidos',
  digestReports: 'Relatos de gralhas',
  digestIn: '{name} em {thread}',
  digestGuest: 'convidado',
  digestWhy: 'Recebe este resumo porque o seu endereço está em {setting}.',
};

const ptBR: MailMessages = {
  ...pt,
  why: 'Você recebe este e-mail porque pediu para ser avisado das respostas aos seus comentários.',
  confirmBody: 'Alguém, esperamos que você, pediu para ser avisado por e-mail das respostas a um comentário em {page}. Para confirmar, abra este link:',
  confirmIgnore: 'Se não foi você, ignore este e-mail: você não receberá mais nada.',
  confirmDone: 'Obrigado: seu endereço está confirmado. Você será avisado das respostas.',
  unsubscribeButton: 'Cancelar inscrição',
  unsubscribeDone: 'Inscrição cancelada: você não receberá mais e-mails deste tipo.',
  invalidLink: 'Este link não é válido: pode estar incompleto ou ser antigo demais.',
  digestSubject: 'Aguardando moderação ({counts})',
  digestReportsCount: 'relatos de erros de digitação: {n}',
  digestReports: 'Relatos de erros de digitação',
  digestWhy: 'Você recebe este resumo porque seu endereço está em {setting}.',
};

const pl: MailMessages = {
  replySubject: '{name} odpowiada na Twój komentarz',
  repliesSubject: 'Nowe odpowiedzi na Twój komentarz ({n})',
  intro: 'Są nowe odpowiedzi na Twój komentarz na stronie {page}.',
  wrote: '{name} pisze:',
  open: 'Przeczytaj i odpowiedz',
  why: 'Dostajesz tę wiadomość, bo chcesz wiedzieć o odpowiedziach na swoje komentarze.',
  unsubscribeThread: 'Bez wiadomości o tej rozmowie',
  unsubscribeAll: 'Bez żadnych wiadomości o odpowiedziach',
  confirmSubject: 'Potwierdź swój adres e-mail',
  confirmBody: 'Ktoś, miejmy nadzieję, że Ty, chce dostawać e-maile o odpowiedziach na komentarz na stronie {page}. Aby potwierdzić, otwórz ten link:',
  confirmIgnore: 'Jeśli to nie Ty, zignoruj tę wiadomość: nic więcej nie przyjdzie.',
  confirmButton: 'Potwierdź',
  confirmDone: 'Dziękujemy: adres jest potwierdzony. Dostaniesz wiadomość o odpowiedziach.',
  unsubscribeButton: 'Wypisz się',
  unsubscribeThreadQuestion: 'Nie dostawać wiadomości o odpowiedziach w tej rozmowie?',
  unsubscribeAllQuestion: 'Nie dostawać żadnych wiadomości o odpowiedziach?',
  unsubscribeDone: 'Wypisano: wiadomości tego rodzaju nie będą już przychodzić.',
  invalidLink: 'Ten link jest nieprawidłowy: może jest niepełny albo zbyt stary.',
  digestSubject: 'Czeka na moderację ({counts})',
  digestHeldCount: 'wstrzymane komentarze: {n}',
  digestReportsCount: 'zgłoszenia literówek: {n}',
  digestHeld: 'Wstrzymane komentarze',
  digestReports: 'Zgłoszenia literówek',
  digestIn: '{name} w {thread}',
  digestGuest: 'gość',
  digestWhy: 'Dostajesz to podsumowanie, bo Twój adres jest w {setting}.',
};

const ru: MailMessages = {
  replySubject: '{name} ответил(а) на ваш комментарий',
  repliesSubject: 'Новые ответы на ваш комментарий ({n})',
  intro: 'На ваш комментарий на странице {page} есть новые ответы.',
  wrote: '{name} пишет:',
  open: 'Прочитать и ответить',
  why: 'Вы получили это письмо, потому что просили сообщать об ответах на ваши комментарии.',
  unsubscribeThread: 'Больше не писать об этом обсуждении',
  unsubscribeAll: 'Больше не писать об ответах',
  confirmSubject: 'Подтвердите адрес электронной почты',
  confirmBody: 'Кто-то, надеемся, вы, попросил сообщать по почте об ответах на комментарий на странице {page}. Чтобы подтвердить, откройте ссылку:',
  confirmIgnore: 'Если это были не вы, просто не обращайте внимания на это письмо: больше писем не будет.',
  confirmButton: 'Подтвердить',
  confirmDone: 'Спасибо: адрес подтверждён. Мы сообщим вам об ответах.',
  unsubscribeButton: 'Отписаться',
  unsubscribeThreadQuestion: 'Больше не получать писем об ответах в этом обсуждении?',
  unsubscribeAllQuestion: 'Больше не получать никаких писем об ответах?',
  unsubscribeDone: 'Вы отписались: таких писем больше не будет.',
  invalidLink: 'Ссылка недействительна: возможно, она неполная или устарела.',
  digestSubject: 'Ожидает модерации ({counts})',
  digestHeldCount: 'задержанные комментарии: {n}',
  digestReportsCount: 'сообщения об опечатках: {n}',
  digestHeld: 'Задержанные комментарии',
  digestReports: 'Сообщения об опечатках',
  digestIn: '{name} в {thread}',
  digestGuest: 'гость',
  digestWhy: 'Вы получили эту сводку, потому что ваш адрес указан в {setting}.',
};

const uk: MailMessages = {
  replySubject: '{name} відповів(ла) на ваш коментар',
  repliesSubject: 'Нові відповіді на ваш коментар ({n})',
  intro: 'На ваш коментар на сторінці {page} є нові відповіді.',
  wrote: '{name} пише:',
  open: 'Прочитати й відповісти',
  why: 'Ви отримали цей лист, бо просили повідомляти про відповіді на ваші коментарі.',
  unsubscribeThread: 'Більше не писати про цю розмову',
  unsubscribeAll: 'Більше не писати про відповіді',
  confirmSubject: 'Підтвердьте адресу електронної пошти',
  confirmBody: 'Хтось, сподіваємося, ви, попросив повідомляти поштою про відповіді на коментар на сторінці {page}. Щоб підтвердити, відкрийте посилання:',
  confirmIgnore: 'Якщо це були не ви, не зважайте на цей лист: більше листів не буде.',
  confirmButton: 'Підтвердити',
  confirmDone: 'Дякуємо: адресу підтверджено. Ми повідомлятимемо вам про відповіді.',
  unsubscribeButton: 'Відписатися',
  unsubscribeThreadQuestion: 'Більше не отримувати листів про відповіді в цій розмові?',
  unsubscribeAllQuestion: 'Більше не отримувати жодних листів про відповіді?',
  unsubscribeDone: 'Ви відписалися: таких листів більше не буде.',
  invalidLink: 'Посилання недійсне: можливо, воно неповне або застаріле.',
  digestSubject: 'Очікує модерації ({counts})',
  digestHeldCount: 'затримані коментарі: {n}',
  digestReportsCount: 'повідомлення про помилки: {n}',
  digestHeld: 'Затримані коментарі',
  digestReports: 'Повідомлення про помилки',
  digestIn: '{name} у {thread}',
  digestGuest: 'гість',
  digestWhy: 'Ви отримали це зведення, бо ваша адреса вказана в {setting}.',
};

const tr: MailMessages = {
  replySubject: '{name} yorumunuza yanıt verdi',
  repliesSubject: 'Yorumunuza yeni yanıtlar ({n})',
  intro: '{page} sayfasındaki yorumunuza yeni yanıtlar var.',
  wrote: '{name} yazdı:',
  open: 'Oku ve yanıtla',
  why: 'Bu e-postayı, yorumlarınıza gelen yanıtlardan haberdar olmak istediğiniz için alıyorsunuz.',
  unsubscribeThread: 'Bu sohbet için e-posta gönderme',
  unsubscribeAll: 'Hiçbir yanıt e-postası gönderme',
  confirmSubject: 'E-posta adresinizi onaylayın',
  confirmBody: 'Birisi, umarız sizsiniz, {page} sayfasındaki bir yoruma gelen yanıtlardan e-postayla haberdar olmak istedi. Onaylamak için bu bağlantıyı açın:',
  confirmIgnore: 'Siz değilseniz bu e-postayı yok sayın: başka bir şey gelmeyecek.',
  confirmButton: 'Onayla',
  confirmDone: 'Teşekkürler: adresiniz onaylandı. Yanıtlardan haberdar edileceksiniz.',
  unsubscribeButton: 'Abonelikten çık',
  unsubscribeThreadQuestion: 'Bu sohbetteki yanıtlar için e-posta almayı bırakmak istiyor musunuz?',
  unsubscribeAllQuestion: 'Yanıtlarla ilgili hiçbir e-posta almamak istiyor musunuz?',
  unsubscribeDone: 'Abonelikten çıktınız: bu tür e-postalar artık gelmeyecek.',
  invalidLink: 'Bu bağlantı geçerli değil: eksik ya da çok eski olabilir.',
  digestSubject: 'Moderasyon bekliyor ({counts})',
  digestHeldCount: 'bekletilen yorumlar: {n}',
  digestReportsCount: 'yazım hatası bildirimleri: {n}',
  digestHeld: 'Bekletilen yorumlar',
  digestReports: 'Yazım hatası bildirimleri',
  digestIn: '{name}, {thread} içinde',
  digestGuest: 'misafir',
  digestWhy: 'Bu özeti, adresiniz {setting} içinde olduğu için alıyorsunuz.',
};

const ar: MailMessages = {
  replySubject: 'ردّ {name} على تعليقك',
  repliesSubject: 'ردود جديدة على تعليقك ({n})',
  intro: 'هناك ردود جديدة على تعليقك في {page}.',
  wrote: 'كتب {name}:',
  open: 'اقرأ وردّ',
  why: 'تصلك هذه الرسالة لأنك طلبت إعلامك بالردود على تعليقاتك.',
  unsubscribeThread: 'أوقف الرسائل عن هذه المحادثة',
  unsubscribeAll: 'أوقف كل رسائل الردود',
  confirmSubject: 'أكّد عنوان بريدك الإلكتروني',
  confirmBody: 'طلب أحدهم، ونأمل أن تكون أنت، إعلامه بالبريد الإلكتروني بالردود على تعليق في {page}. للتأكيد، افتح هذا الرابط:',
  confirmIgnore: 'إن لم تكن أنت، فتجاهل هذه الرسالة: لن يصلك شيء آخر.',
  confirmButton: 'تأكيد',
  confirmDone: 'شكرًا: تم تأكيد عنوانك. سنعلمك بالردود.',
  unsubscribeButton: 'إلغاء الاشتراك',
  unsubscribeThreadQuestion: 'هل تريد إيقاف الرسائل عن الردود في هذه المحادثة؟',
  unsubscribeAllQuestion: 'هل تريد إيقاف كل الرسائل عن الردود؟',
  unsubscribeDone: 'تم إلغاء اشتراكك: لن تصلك رسائل من هذا النوع بعد الآن.',
  invalidLink: 'هذا الرابط غير صالح: ربما يكون ناقصًا أو قديمًا جدًا.',
  digestSubject: 'بانتظار الإشراف ({counts})',
  digestHeldCount: 'تعليقات محتجزة: {n}',
  digestReportsCount: 'بلاغات أخطاء إملائية: {n}',
  digestHeld: 'تعليقات محتجزة',
  digestReports: 'بلاغات أخطاء إملائية',
  digestIn: '{name} في {thread}',
  digestGuest: 'زائر',
  digestWhy: 'يصلك هذا الملخص لأن عنوانك مدرج في {setting}.',
};

const he: MailMessages = {
  replySubject: '{name} הגיב/ה לתגובה שלך',
  repliesSubject: 'תשובות חדשות לתגובה שלך ({n})',
  intro: 'יש תשובות חדשות לתגובה שלך ב-{page}.',
  wrote: '{name} כתב/ה:',
  open: 'לקריאה ולתשובה',
  why: 'הודעה זו נשלחה אליך כי ביקשת לקבל עדכון על תשובות לתגובות שלך.',
  unsubscribeThread: 'הפסקת הודעות על שיחה זו',
  unsubscribeAll: 'הפסקת כל הודעות התשובות',
  confirmSubject: 'אישור כתובת הדוא״ל שלך',
  confirmBody: 'מישהו, אנו מקווים שאת/ה, ביקש לקבל בדוא״ל עדכון על תשובות לתגובה ב-{page}. לאישור, יש לפתוח את הקישור:',
  confirmIgnore: 'אם זה לא היה את/ה, אפשר להתעלם מהודעה זו: לא יישלח דבר נוסף.',
  confirmButton: 'אישור',
  confirmDone: 'תודה: הכתובת אושרה. נעדכן אותך על תשובות.',
  unsubscribeButton: 'ביטול המינוי',
  unsubscribeThreadQuestion: 'להפסיק לקבל הודעות על תשובות בשיחה זו?',
  unsubscribeAllQuestion: 'להפסיק לקבל את כל ההודעות על תשובות?',
  unsubscribeDone: 'המינוי בוטל: לא יישלחו עוד הודעות מסוג זה.',
  invalidLink: 'הקישור אינו תקף: ייתכן שהוא חלקי או ישן מדי.',
  digestSubject: 'ממתין לניהול ({counts})',
  digestHeldCount: 'תגובות מעוכבות: {n}',
  digestReportsCount: 'דיווחי שגיאות כתיב: {n}',
  digestHeld: 'תגובות מעוכבות',
  digestReports: 'דיווחי שגיאות כתיב',
  digestIn: '{name} ב-{thread}',
  digestGuest: 'אורח',
  digestWhy: 'קיבלת סיכום זה כי הכתובת שלך מופיעה ב-{setting}.',
};

const hi: MailMessages = {
  replySubject: '{name} ने आपकी टिप्पणी का जवाब दिया',
  repliesSubject: 'आपकी टिप्पणी पर नए जवाब ({n})',
  intro: '{page} पर आपकी टिप्पणी के नए जवाब आए हैं।',
  wrote: '{name} ने लिखा:',
  open: 'पढ़ें और जवाब दें',
  why: 'आपको यह ईमेल इसलिए मिला क्योंकि आपने अपनी टिप्पणियों के जवाबों की सूचना माँगी थी।',
  unsubscribeThread: 'इस बातचीत के ईमेल बंद करें',
  unsubscribeAll: 'जवाबों के सभी ईमेल बंद करें',
  confirmSubject: 'अपना ईमेल पता पुष्टि करें',
  confirmBody: 'किसी ने, उम्मीद है आपने, {page} पर एक टिप्पणी के जवाबों की सूचना ईमेल से माँगी है। पुष्टि के लिए यह लिंक खोलें:',
  confirmIgnore: 'अगर यह आप नहीं थे, तो इस ईमेल को अनदेखा करें: आगे कुछ नहीं आएगा।',
  confirmButton: 'पुष्टि करें',
  confirmDone: 'धन्यवाद: आपका पता पुष्ट हो गया। आपको जवाबों की सूचना मिलेगी।',
  unsubscribeButton: 'सदस्यता छोड़ें',
  unsubscribeThreadQuestion: 'इस बातचीत के जवाबों के ईमेल बंद करें?',
  unsubscribeAllQuestion: 'जवाबों के सभी ईमेल बंद करें?',
  unsubscribeDone: 'आपकी सदस्यता हट गई: इस तरह के ईमेल अब नहीं आएँगे।',
  invalidLink: 'यह लिंक मान्य नहीं है: शायद यह अधूरा या बहुत पुराना है।',
  digestSubject: 'मॉडरेशन की प्रतीक्षा में ({counts})',
  digestHeldCount: 'रोकी गई टिप्पणियाँ: {n}',
  digestReportsCount: 'वर्तनी त्रुटि रिपोर्ट: {n}',
  digestHeld: 'रोकी गई टिप्पणियाँ',
  digestReports: 'वर्तनी त्रुटि रिपोर्ट',
  digestIn: '{thread} में {name}',
  digestGuest: 'अतिथि',
  digestWhy: 'आपको यह सारांश इसलिए मिल रहा है क्योंकि आपका पता {setting} में है।',
};

const ja: MailMessages = {
  replySubject: '{name}さんがあなたのコメントに返信しました',
  repliesSubject: 'あなたのコメントへの新しい返信（{n}件）',
  intro: '{page} のあなたのコメントに新しい返信があります。',
  wrote: '{name}さんの投稿:',
  open: '読んで返信する',
  why: 'コメントへの返信の通知を希望されたため、このメールをお送りしています。',
  unsubscribeThread: 'この会話のメールを停止',
  unsubscribeAll: '返信メールをすべて停止',
  confirmSubject: 'メールアドレスの確認',
  confirmBody: 'どなたか（おそらくあなた）が、{page} のコメントへの返信をメールで受け取るよう申し込みました。確認するには、次のリンクを開いてください:',
  confirmIgnore: 'お心当たりがない場合は、このメールを無視してください。今後メールは届きません。',
  confirmButton: '確認する',
  confirmDone: 'ありがとうございます。アドレスが確認されました。返信があればお知らせします。',
  unsubscribeButton: '配信を停止',
  unsubscribeThreadQuestion: 'この会話の返信メールを停止しますか？',
  unsubscribeAllQuestion: '返信メールをすべて停止しますか？',
  unsubscribeDone: '配信を停止しました。この種のメールは今後届きません。',
  invalidLink: 'このリンクは無効です。不完全か、古すぎる可能性があります。',
  digestSubject: 'モデレーション待ち（{counts}）',
  digestHeldCount: '保留中のコメント: {n}',
  digestReportsCount: '誤字報告: {n}',
  digestHeld: '保留中のコメント',
  digestReports: '誤字報告',
  digestIn: '{thread} の {name}',
  digestGuest: 'ゲスト',
  digestWhy: 'あなたのアドレスが {setting} に含まれているため、このまとめをお送りしています。',
};

const ko: MailMessages = {
  replySubject: '{name}님이 회원님의 댓글에 답글을 남겼습니다',
  repliesSubject: '회원님의 댓글에 새 답글 ({n})',
  intro: '{page}에 남긴 회원님의 댓글에 새 답글이 있습니다.',
  wrote: '{name}님의 글:',
  open: '읽고 답하기',
  why: '댓글에 달린 답글 알림을 요청하셨기 때문에 이 메일을 받으셨습니다.',
  unsubscribeThread: '이 대화의 메일 받지 않기',
  unsubscribeAll: '모든 답글 메일 받지 않기',
  confirmSubject: '이메일 주소를 확인해 주세요',
  confirmBody: '누군가(아마도 회원님)가 {page}의 댓글에 달린 답글을 이메일로 알려 달라고 요청했습니다. 확인하려면 이 링크를 여세요:',
  confirmIgnore: '본인이 아니라면 이 메일을 무시하세요. 더 이상 메일이 가지 않습니다.',
  confirmButton: '확인',
  confirmDone: '감사합니다. 주소가 확인되었습니다. 답글이 달리면 알려 드립니다.',
  unsubscribeButton: '수신 거부',
  unsubscribeThreadQuestion: '이 대화의 답글 메일을 그만 받으시겠습니까?',
  unsubscribeAllQuestion: '모든 답글 메일을 그만 받으시겠습니까?',
  unsubscribeDone: '수신 거부되었습니다. 이런 메일은 더 이상 가지 않습니다.',
  invalidLink: '이 링크는 유효하지 않습니다. 일부가 빠졌거나 너무 오래되었을 수 있습니다.',
  digestSubject: '검토 대기 중 ({counts})',
  digestHeldCount: '보류된 댓글: {n}',
  digestReportsCount: '오타 제보: {n}',
  digestHeld: '보류된 댓글',
  digestReports: '오타 제보',
  digestIn: '{thread}의 {name}',
  digestGuest: '손님',
  digestWhy: '주소가 {setting}에 있으므로 이 요약을 받습니다.',
};

const zhHans: MailMessages = {
  replySubject: '{name} 回复了你的评论',
  repliesSubject: '你的评论有新回复（{n}）',
  intro: '你在 {page} 的评论有新回复。',
  wrote: '{name} 写道：',
  open: '阅读并回复',
  why: '你收到这封邮件，是因为你要求在评论有回复时收到通知。',
  unsubscribeThread: '不再接收此对话的邮件',
  unsubscribeAll: '不再接收任何回复邮件',
  confirmSubject: '请确认你的电子邮件地址',
  confirmBody: '有人（希望是你）要求在 {page} 上的一条评论有回复时收到邮件通知。如需确认，请打开此链接：',
  confirmIgnore: '如果不是你本人，请忽略此邮件：你不会再收到任何邮件。',
  confirmButton: '确认',
  confirmDone: '谢谢：你的地址已确认。有回复时会通知你。',
  unsubscribeButton: '退订',
  unsubscribeThreadQuestion: '不再接收此对话中回复的邮件？',
  unsubscribeAllQuestion: '不再接收任何回复邮件？',
  unsubscribeDone: '你已退订：不会再收到此类邮件。',
  invalidLink: '此链接无效：可能不完整或已过期。',
  digestSubject: '等待审核（{counts}）',
  digestHeldCount: '待审评论：{n}',
  digestReportsCount: '错字报告：{n}',
  digestHeld: '待审评论',
  digestReports: '错字报告',
  digestIn: '{name}（{thread}）',
  digestGuest: '访客',
  digestWhy: '你收到此摘要，是因为你的地址在 {setting} 中。',
};

const zhHant: MailMessages = {
  replySubject: '{name} 回覆了你的留言',
  repliesSubject: '你的留言有新回覆（{n}）',
  intro: '你在 {page} 的留言有新回覆。',
  wrote: '{name} 寫道：',
  open: '閱讀並回覆',
  why: '你收到這封郵件，是因為你要求在留言有回覆時收到通知。',
  unsubscribeThread: '不再接收此對話的郵件',
  unsubscribeAll: '不再接收任何回覆郵件',
  confirmSubject: '請確認你的電子郵件地址',
  confirmBody: '有人（希望是你）要求在 {page} 上的一則留言有回覆時收到郵件通知。如需確認，請開啟此連結：',
  confirmIgnore: '如果不是你本人，請忽略此郵件：你不會再收到任何郵件。',
  confirmButton: '確認',
  confirmDone: '謝謝：你的地址已確認。有回覆時會通知你。',
  unsubscribeButton: '取消訂閱',
  unsubscribeThreadQuestion: '不再接收此對話中回覆的郵件？',
  unsubscribeAllQuestion: '不再接收任何回覆郵件？',
  unsubscribeDone: '你已取消訂閱：不會再收到此類郵件。',
  invalidLink: '此連結無效：可能不完整或已過期。',
  digestSubject: '等待審核（{counts}）',
  digestHeldCount: '待審留言：{n}',
  digestReportsCount: '錯字回報：{n}',
  digestHeld: '待審留言',
  digestReports: '錯字回報',
  digestIn: '{name}（{thread}）',
  digestGuest: '訪客',
  digestWhy: '你收到此摘要，是因為你的地址在 {setting} 中。',
};

const CATALOGUES: Record<string, MailMessages> = {
  en, ar, de, es, fr, he, hi, it, ja, ko, nl, pl, pt, 'pt-BR': ptBR, ru, tr, uk, 'zh-Hans': zhHans, 'zh-Hant': zhHant,
};

/** Right-to-left languages, for the mail's and the page's `dir`. */
const RTL = new Set(['ar', 'he']);

/** The catalogue tag for a BCP 47 tag (`fr-CA` → `fr`, `zh-TW` → `zh-Hant`, `pt-BR` → `pt-BR`), or `en`. */
export function mailLanguage(tag: string | null | undefined): string {
  if (!tag) return 'en';
  let locale: Intl.Locale;
  try {
    locale = new Intl.Locale(tag.trim()).maximize();
  } catch {
    return 'en';
  }
  const base = locale.language;
  if (base === 'zh') return locale.script === 'Hant' ? 'zh-Hant' : 'zh-Hans';
  if (base === 'pt') return locale.region === 'BR' ? 'pt-BR' : 'pt';
  return base in CATALOGUES ? base : 'en';
}

/** The first language of an Accept-Language header the catalogues have (by quality), else `en`. */
export function languageFromHeader(header: string | undefined): string {
  if (!header) return 'en';
  const ranked = header.split(',').slice(0, 20).map((part, i) => {
    const [tag, ...params] = part.trim().split(';');
    const q = Number(/q=([\d.]+)/.exec(params.join(';'))?.[1] ?? 1);
    return { tag: tag!.trim(), q: Number.isFinite(q) ? q : 0, i };
  }).filter((r) => r.tag && r.tag !== '*' && r.q > 0).sort((a, b) => b.q - a.q || a.i - b.i);
  for (const r of ranked) {
    const lang = mailLanguage(r.tag);
    if (lang !== 'en' || /^en\b/i.test(r.tag)) return lang;
  }
  return 'en';
}

export function mailMessages(lang: string): MailMessages {
  return CATALOGUES[lang] ?? en;
}

export function isRtl(lang: string): boolean {
  return RTL.has(lang);
}

/** `{name}`-style placeholders filled in. */
export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}

/** Every language a mail can be written in (tests check each catalogue is complete). */
export const MAIL_LANGUAGES = Object.keys(CATALOGUES);
