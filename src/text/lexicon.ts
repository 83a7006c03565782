import { iso6393 } from 'iso-639-3';

/**
 * Small multilingual lexicon of widget words, shared by the text and HTML
 * boilerplate stages: one signal among others (the rules also look at line
 * length, punctuation, position and, for HTML, the DOM), never a list of
 * exact strings. Most patterns match a whole short line, case-insensitively;
 * the notices, AD_LABEL_START, CREDIT_START and relatedLeadIn read the start of
 * a block. Which rule reads which pattern, with which limits, is declared in
 * src/rules/.
 * Languages: English, German, French, Spanish, Italian, Portuguese, Dutch,
 * Polish, Russian, Chinese, Japanese (the languages of the evaluation corpus).
 */
// The free-text slots of the alternatives ("more from <section>") end with a letter or digit: a
// slot that could end with spaces or dots would compete with the trailing [\s\p{P}\p{S}]* for
// them, and backtracking between the two is super-linear on a long run of spaces
// (tests/regex-safety.test.ts).
const line = (alternatives: string[]) =>
  new RegExp(`^[\\s\\p{P}\\p{S}]*(?:${alternatives.join('|')})[\\s\\p{P}\\p{S}]*$`, 'iu');

/** Headers of related-content lists: the headline-like lines after them go too. */
export const RELATED_HEADER = line([
  'related(?: (?:posts?|articles?|content|stories|news|links|items|reading|topics|coverage))?',
  'more (?:on|about) (?:this|the) (?:topic|subject|story)', 'more (?:from|in|stories|news|articles)(?: [\\p{L} ]{0,29}\\p{L})?',
  '(?:read|see) (?:more|also|next)', 'also read', 'you (?:may|might|will) also (?:like|enjoy|be interested in)',
  'recommended(?: (?:for you|reading|articles|stories))?', 'further reading', '(?:most )?popular(?: (?:posts|articles|stories|now))?',
  'most (?:read|viewed|popular|shared|commented)', 'latest (?:news|posts|articles|stories)', 'recent (?:posts|articles|news|stories)',
  'trending(?: now)?', "don'?t miss", 'in other news', 'what to read next', 'other (?:articles|stories|news)', 'previous(?: post| article)?',
  'next(?: post| article)?',
  '(?:ähnliche|verwandte|weitere) (?:artikel|beiträge|themen(?:bereiche)?|nachrichten|meldungen|informationen|news|storys|stories|rezepte|videos|tipps|tourentipps)', 'mehr zum thema(?: (?:auf|bei) [\\p{L}\\p{N}. ]{0,29}[\\p{L}\\p{N}])?',
  'mehr (?:themen|zu [\\p{L}\\p{N} ]{0,29}[\\p{L}\\p{N}])', 'zum weiterlesen', 'noch mehr [\\p{L} ]{0,29}\\p{L}', 'entdecke (?:weitere|mehr) [\\p{L} ]{0,29}\\p{L}',
  '(?:die )?meist(?:gelesen|geklickt|kommentiert|diskutiert|gesehen)en? (?:artikel|beiträge|news|nachrichten)(?: [\\p{L}./ ]{0,29}\\p{L})?', 'viel gelesen(?: (?:in|im|auf) [\\p{L}. ]{0,29}\\p{L})?',
  '(?:neueste|neuste|letzte|beliebte|aktuelle|aktuellste) (?:artikel|beiträge|meldungen|nachrichten|kommentare|news)', 'mehr (?:artikel|beiträge|kolumnen|news) (?:auf|von|aus|bei) [\\p{L}\\p{N}. ]{0,29}[\\p{L}\\p{N}]', 'auch auf [\\p{L}\\p{N}.-]{2,30}', 'highlights aus [\\p{L} ]{0,29}\\p{L}',
  'dans la même rubrique', '(?:articles )?les plus (?:lus|partagés|commentés|populaires)', 'derniers articles', 'lo más (?:leído|visto)', 'más (?:leídas|leídos|vistas|vistos)', 'últimas noticias',
  'keep reading', 'explore further', 'top stories', "editor'?s'? picks",
  'das könnte (?:sie|dich) auch interessieren', 'auch interessant', 'lesen sie (?:auch|mehr)', 'meistgelesen(?:e)?',
  'articles? (?:similaires|liés|connexes|récents)', '(?:à )?lire aussi', 'sur le même (?:sujet|thème)', 'voir aussi',
  'vous aimerez (?:aussi|également)', 'les plus lus',
  '(?:artículos|entradas|noticias|publicaciones) (?:relacionad[oa]s|recientes)', 'te puede interesar', 'le[ae] (?:también|más)', 'ver (?:también|más)',
  'articoli correlati', 'leggi anche', 'potrebbe interessarti', 'artigos relacionados', 'leia também', 'veja também',
  'gerelateerde (?:artikelen|berichten)', 'lees ook', 'meer over dit onderwerp',
  'podobne (?:artykuły|wpisy|posty)', '(?:czytaj|zobacz) (?:też|także|również)', 'dowiedz się więcej', 'polecamy', 'powiązane(?: artykuły| wpisy)?', 'najczęściej czytane',
  'похожие (?:статьи|записи|новости)', '(?:читайте|смотрите) также', 'по теме', 'другие новости',
  '相关(?:文章|阅读|新闻|推荐|内容)', '推荐阅读', '延伸阅读', '热门文章', '関連記事', 'おすすめ記事',
]);

/**
 * Lead-ins that news sites put before a link to another story, on the same
 * line ("MIRA: <headline>", "Le puede interesar: <headline>"). Too short or
 * common to stand alone as a list header, so they only count before a colon.
 */
export const INLINE_RELATED = line([
  '(?:le |te )?puede(?:s)? interesar', 'puedes ver', 'lea', 'vea(?: también)?', 'mir[ae](?: también)?', 'más sobre [\\p{L} ]{0,29}\\p{L}',
  'see also', 'siehe auch', 'voir aussi', 'zobacz', 'czytaj',
]);

/** Separators between a related-content lead-in and its headline: "Read also: <headline>", "À lire aussi » <headline>". */
const LEAD_IN_SEPARATOR = /[:：»›→]/gu;
const codePoints = (s: string) => Array.from(s).length;

/**
 * The lead-in of a "Read also: <headline>" line, or null: the shortest 3 to
 * 40 characters before a separator (spaces before it aside), a headline of
 * at most 25 words after it. Scanned by hand: as one regex
 * (`^(.{3,40}?)\s*[:»]\s*(\S.*)$`) the lead-in and the spaces compete, and
 * backtracking is super-linear on long runs of spaces.
 */
export function relatedLeadIn(text: string): string | null {
  if (/[\n\r\u2028\u2029]/u.test(text)) return null;
  for (const separator of text.matchAll(LEAD_IN_SEPARATOR)) {
    let start = separator.index;
    while (start > 0 && /\s/u.test(text[start - 1]!)) start--;
    // Past 82 UTF-16 units the lead-in has over 40 characters, and so would every later one.
    if (start > 82) return null;
    const before = codePoints(text.slice(0, start));
    // The lead-in takes at least 3 characters, spaces before the separator included when it must.
    const lead = before >= 3 ? text.slice(0, start) : Array.from(text.slice(0, 6)).slice(0, 3).join('');
    if (lead.length > separator.index) continue;
    if (codePoints(lead) > 40) return null;
    const headline = text.slice(separator.index + 1).trim();
    if (!headline) return null;
    return (RELATED_HEADER.test(lead) || INLINE_RELATED.test(lead)) && headline.split(/\s+/).length <= 25 ? lead : null;
  }
  return null;
}

const AD_WORDS = [
  'advertisements?', 'advertising', 'about these ads', 'sponsored(?: content)?', 'anzeigen?', 'werbung', 'gesponsert', 'publicidad', 'publicité',
  'pubblicità', 'publicidade', 'advertentie', 'reklama', 'реклама', '广告',
];
/** Labels that announce an advertisement slot; the ad itself is not in the dump. */
export const AD_LABEL = line(AD_WORDS);
/** The same label opening a short line ("ANZEIGE – Heute mal ausgehen?"): HTML keeps the ad's text in the label's block. */
export const AD_LABEL_START = new RegExp(`^[\\s\\p{P}]*(?:${AD_WORDS.join('|')})(?![\\p{L}\\p{N}])`, 'iu');

/**
 * Labels of buttons and links of the page's interface: print, log in, show
 * all, close. English "close" is left out: runs of such lines are the menu
 * rule's (the seeds' "close" lines are menu entries of the site's header).
 */
export const UI_ACTION = line([
  'drucken', 'print', 'imprimer', 'imprimir', 'drukuj', '(?:als )?pdf (?:herunterladen|download)', 'download(?: as)? pdf',
  '(?:(?:jetzt|kostenlos|hier) )*(?:einloggen|anmelden|registrieren|login|log in|sign in|register|se connecter|s\'inscrire|iniciar sesión|registrarse|zaloguj się|zarejestruj się)',
  'zum shop', '(?:alle|mehr) anzeigen', 'show (?:all|more)', 'view all', 'load more', 'mehr laden', 'voir (?:tout|plus)', 'ver (?:todo|todos|más)', 'zobacz wszystkie',
  'weiter', 'zurück', 'back', 'next', 'kommentieren(?: sie)?', 'commenter', 'externer inhalt', 'bild (?:anzeigen|schließen|vergrößern)(?: bild (?:anzeigen|schließen))?',
  'schließen', 'cerrar', 'fermer', 'zamknij',
]);

/** "Follow us", share bars and the like. */
/** Network names that make a share bar when they stand alone on a line ("Facebook | Twitter | E-mail"). */
const NETWORK_NAMES = '(?:facebook|twitter|x|instagram|linkedin|youtube|telegram|whatsapp|pinterest|tiktok|reddit|vk|xing|mastodon|threads|rss|e-?mail)';
export const SOCIAL = line([
  'follow us(?: on)?', 'find us on', 'join us on', 'connect with us', 'like us on [\\p{L}]+', 'share(?: (?:this|on|via|it))?(?: (?:article|post|story|page))?',
  'tweet(?: this)?', 'email this', 'print(?: this)?(?: article| page)?',
  'folgen sie uns(?: auf)?', 'teilen(?: auf)?', '(?:den|diesen) (?:artikel|beitrag)(?: mit anderen)? teilen(?:/diskutieren)?', 'diese geschichte teilen', 'suivez[- ]nous(?: sur)?', 'partager(?: sur| cet article)?',
  'síguenos(?: en)?', 'compartir(?: en)?', 'seguici(?: su)?', 'condividi(?: su)?', 'siga-nos', 'compartilhe', 'volg ons(?: op)?', 'delen',
  'obserwuj nas', 'udostępnij', 'podziel się', 'подписывайтесь', 'поделиться', 'мы в соцсетях', '分享(?:到)?', '关注我们', 'シェア',
  // Separators between the names only: the line's own trailing class takes the ones after the last.
  `${NETWORK_NAMES}(?:[\\s|•·,/]*${NETWORK_NAMES}){0,11}`,
]);

/** Headers and prompts of comment sections and forms. */
export const COMMENT_HEADER = line([
  '(?:\\d+ |no |one )?comments?(?: \\(\\d+\\))?', 'post a comment', 'leave a (?:reply|comment)', 'add (?:a |your )?comment', 'write a comment',
  '(?:\\d+ )?responses?', 'join the discussion', 'comments are closed', 'log in to (?:comment|reply)', 'reply',
  'kommentare?(?: \\(\\d+\\))?', 'kommentar (?:schreiben|hinterlassen|verfassen)', 'keine kommentare', 'antworten',
  '(?:\\d+ )?commentaires?', 'laisser un commentaire', 'répondre', 'comentarios?', 'deja (?:un|tu) comentario', 'responder',
  'commenti', 'lascia un commento', 'rispondi', 'comentários', 'deixe um comentário', 'reacties?', 'laat een reactie achter',
  'komentarze?', 'dodaj komentarz', 'brak komentarzy', 'odpowiedz', 'комментари[ий]', 'оставить комментарий', 'ответить',
  '评论', '发表评论', '留言', 'コメント',
]);

/** Labels of form fields (the line holds nothing but the label and a colon). */
export const FORM_LABEL = line([
  // The asterisks, spaces and colons around a label are the line's own leading and trailing classes.
  '(?:your )?(?:name|e-?mail(?: address)?|website|url|text|comment|message|subject|title|phone|captcha)',
  '(?:nom|courriel|site web|nachricht|kommentar|webseite|nombre|correo(?: electrónico)?|mensaje|nome|messaggio|imię|treść|wiadomość|имя|сообщение|姓名|邮箱|内容)',
]);

export const FORM_BUTTON = line([
  'send', 'submit(?: comment)?', 'post(?: comment)?', 'cancel(?: reply)?', 'senden', 'absenden', 'abschicken', 'envoyer', 'enviar',
  'invia', 'verstuur', 'wyślij', 'отправить', '提交', '发送', '送信',
]);

/** Tabs of media widgets ("Gallery / Photo / Film"). */
export const MEDIA_TAB = line([
  'galler(?:y|ies)', 'photos?(?: gallery)?', 'pictures?', 'images?', 'videos?', 'films?', 'media', 'audio', 'podcasts?', 'infographics?', 'multimedia',
  'galerie', 'bilder', 'fotos?', 'vidéos?', 'galería', 'galeria', 'zdjęcia', 'wideo', 'фото', 'видео', 'фотогалерея', '图片', '视频', '写真', '動画',
]);

/** Tag and category lines ("Tags:", "Filed under:"). The list may follow on the same line or the next. */
export const TAGS_HEADER =
  /^[\s\p{P}]*(?:tags?|tagged(?: with| as)?|topics?|keywords?|labels?|categor(?:y|ies)|filed under|posted in|veröffentlicht in|getaggt mit|abgelegt unter|publié dans|publicado en|pubblicato in|schlagwörter|schlagworte|stichwörter|themen|kategorien?|étiquettes|mots[- ]clés|catégories?|etiquetas|temas|categorías?|tag|parole chiave|categorie|trefwoorden|tagi|słowa kluczowe|kategorie|метки|теги|ключевые слова|рубрик[аи]|标签|关键词|分类|タグ)\s*[:：]/iu;

export const COPYRIGHT =
  /(?:©|\(c\)\s*\d{4}|\bcopyright\b|all rights reserved|alle rechte vorbehalten|tous droits réservés|todos los derechos reservados|tutti i diritti riservati|todos os direitos reservados|alle rechten voorbehouden|wszelkie prawa zastrzeżone|все права защищены|版权所有|無断転載)/iu;

export const LEGAL = line([
  'imprint', 'impressum', 'privacy(?: policy| notice| settings)?', 'terms(?: (?:of use|of service|and conditions|& conditions))?', 'disclaimer',
  'legal notice', 'contact(?: us)?', 'about(?: us)?', 'datenschutz(?:erklärung)?', 'kontakt', 'mentions légales', 'politique de confidentialité',
  'aviso legal', 'política de privacidad', 'contacto', 'polityka prywatności', 'regulamin', 'kontakt', 'контакты', 'политика конфиденциальности',
  '联系我们', '隐私政策', '免责声明'
]);

/**
 * A photo credit closing a caption: "Foto: dpa", "Photograph: Getty Images",
 * "(Image credit: …)", "© Name", "(C) Name", "Photograph by …". The credit is
 * short and has no sentence punctuation of its own.
 */
const CREDIT_MARKER = /\b(?:bild|foto|fotos|photo|photos|image|credit|crédit|photograph|imagen|zdjęcie|fot)(?:\s*by)?\s*[:©]|©|\((?:c|©)\)|\bphotograph(?:ed)? by\s/giu;
/** What follows the marker: up to the end of the text, short, no sentence punctuation (sticky: read from the marker's end). */
const CREDIT_TEXT = /[^.!?:]{1,60}\)?$/uy;

/**
 * Whether a text ends with a credit. A marker, then the credit as a sticky
 * match from its end: as one unanchored regex (marker, then [^.!?:]{1,60}$)
 * every marker restarts a 60-character scan inside the backtracking, which
 * recheck flags on "©h©h…" (tests/regex-safety.test.ts).
 */
export function endsWithCredit(text: string): boolean {
  for (const marker of text.matchAll(CREDIT_MARKER)) {
    CREDIT_TEXT.lastIndex = marker.index + marker[0].length;
    if (CREDIT_TEXT.test(text)) return true;
  }
  return false;
}

export const COOKIE = /\bcookies?\b|datenschutzeinstellungen|\bconsent\b/iu;
export const NEWSLETTER =
  /\bnewsletter\b|\bsubscribe\b|\bsign up\b|abonnieren|s'abonner|abonnez-vous|inscrivez-vous|suscr[ií]bete|iscriviti|assine|aboneer|zapisz się|подпишитесь|订阅/iu;

/** Social networks and messengers a site asks its readers to follow it on. */
const NETWORK = '(?:twitter|facebook|instagram|linkedin|youtube|telegram|tiktok|whatsapp|threads|mastodon|bluesky|x|pinterest|snapchat|google news)\\b';

/**
 * Sentences that widgets write, not authors: comment-form notices, spam
 * filter notes, newsletter pitches, comment counters, previous/next links,
 * "read more" links. Each is matched at the start of a short block; the rules
 * that read them (src/rules/notices.ts) bound the length and give the reason.
 */
/** comment-form notice or comment counter (rule comments). */
export const COMMENT_NOTICE = /^(?:your e-?mail address will not be published|required fields are marked|deine e-?mail-adresse wird nicht veröffentlicht|ihre e-?mail-adresse wird nicht veröffentlicht|erforderliche felder sind mit|pflichtfelder sind mit|votre adresse (?:e-?mail|de messagerie) ne sera pas publiée|les champs obligatoires sont indiqués|tu dirección de correo electrónico no será publicada|los campos obligatorios están marcados|il tuo indirizzo email non sarà pubblicato|twój adres e-?mail nie zostanie opublikowany|ваш адрес email не будет опубликован|this site uses akismet|diese (?:website|seite) verwendet akismet|ce site utilise akismet|este sitio usa akismet|there (?:are|is) (?:no|\d+) comments?|(?:\d+|keine|no) (?:comments?|kommentare?)(?: so far| bisher)?\b|be the first to comment|sei der erste|what do you think\?|was denkst du\?|cancel reply|antwort abbrechen|annuler la réponse|cancelar respuesta|leave a (?:comment|reply)|schreib(?:e|en sie)? einen kommentar|hinterlasse einen kommentar|\d+ (?:antworten|responses|replies|kommentare|comments) (?:zu|to|on) |no responses? (?:yet|so far)|was meinen sie\?|(?:comment|kommentar|pingback|trackback) (?:by|von) |\d*\.? ?(?:pingback|trackback)\b)/iu;

/** comment-form consent, moderation or login notice (rule comments). */
export const COMMENT_FORM_NOTICE = /^(?:save my name, e-?mail|notify me of (?:new|follow-up)|meinen namen, (?:meine )?e-?mail|benachrichtige mich über|mit der nutzung dieses formulars|by using this form you agree|enregistrer mon nom, mon e-?mail|prévenez-moi de tous les nouveaux|guardar mi nombre, correo|recibir un email con los siguientes comentarios|(?:please )?(?:log|sign) in (?:here )?to (?:leave a comment|post a comment|comment|reply)|you must be logged in|comments are moderated|we welcome reader comments|this site is protected by recaptcha|bitte registrieren sie sich|sie sind (?:aktuell |derzeit |noch )?nicht (?:eingeloggt|angemeldet)|diskutieren sie mit\b|melden sie sich an,? (?:um|und) )/iu;

/** the site asking the reader to follow it, support, join or subscribe, donate, get its app or write to it (rule reader-prompt). */
export const READER_PROMPT = new RegExp(
      '^[\\s\\p{P}]*(?:' +
        [
          // Follow us / the site on a network.
          `(?:follow|like|join) (?:us|the [\\p{L}' ]{1,30}|[\\p{Lu}][\\p{L}.']*(?: [\\p{Lu}][\\p{L}.']*){0,3}) on ${NETWORK}`,
          `(?:folgen sie|folge|folgt) (?:uns|[\\p{L}. ]{1,30}) auf ${NETWORK}`, `(?:suivez|retrouvez)[- ]nous sur`, `(?:síguenos|sígue(?:nos)?|siga(?:-nos)?) en`,
          `(?:puede|puedes|podéis) (?:escribirnos|seguirnos|seguir a [\\p{L} ]{1,30} en)`, 'obserwuj nas',
          // Support, membership, donations.
          'if you (?:enjoyed|liked|like|enjoy|value|appreciate)\\b[^.!?]{0,80}\\b(?:consider|support|subscri|donat|contribut)',
          '(?:please )?(?:consider )?support(?:ing)? (?:our|independent|quality) (?:work|journalism|reporting)', '(?:become|join as) a (?:member|subscriber|supporter|patron)\\b',
          '(?:wenn|falls) (?:ihnen|dir|euch) (?:unser|dieser|der|die(?:ser)?) (?:artikel|beitrag|text|podcast|inhalt)\\b.{0,20}gefallen hat',
          '(?:dir|ihnen) hat (?:der|dieser|unser) (?:artikel|beitrag) gefallen', 'gefällt (?:dir|ihnen) (?:unser|dieser|der)\\b',
          'unterstütze(?:n sie)? (?:uns|unsere[nm]?|diese form|den|die|unabhängigen)', 'werden sie (?:mitglied|abonnent|förder)', 'lust auf mehr\\?',
          '(?:suscríbete|hazte (?:socio|suscriptor|miembro)|apóyanos|apoya (?:nuestro|el) periodismo)', '(?:soutenez|abonnez-vous|inscrivez-vous pour lire la suite|devenez (?:membre|abonné))',
          'jetzt spenden', 'spenden sie (?:jetzt|hier|online)', 'jede (?:kleine )?spende hilft', 'donate (?:now|today)', 'make a donation', 'faites un don',
          'haz (?:un|tu) donativo', 'dona ahora', 'przekaż darowiznę', 'wesprzyj nas',
          // Subscriptions and paywalls.
          'subscribe (?:now )?(?:to|for) (?:our|the)\\b', 'already a subscriber\\b', "if you(?:'|’)re (?:seeing this message|already a subscriber)",
          'to (?:view|read|continue reading|see) (?:the full (?:story|article)|(?:this|the rest|the whole)[^.!?]{0,40}\\b(?:subscribe|log in|sign in|register))',
          'cet article est réservé aux abonnés', 'jetzt (?:abonnieren|abo|gratis testen|kostenlos testen|mitglied werden)\\b',
          'die aktuelle ausgabe [^.!?]{0,60}\\b(?:erhältlich|kiosk|abo|e-paper)', 'zapraszamy (?:też |również )?do (?:subskrypcji|obserwowania|śledzenia)',
          // The app, the latest news by e-mail or phone.
          '(?:download|get|install) (?:the|our) (?:[\\p{L}\\p{N}.\'’-]+ ){0,4}apps?\\b', '(?:for|get) the latest [^.!?]{0,60}\\b(?:download|follow|subscribe|sign up|apps?|phone|inbox|e-?mail)\\b',
          'never miss (?:a|an|the|our)\\b', '(?:laden sie|lade dir|hol(?:en sie)? (?:dir|sich)) (?:jetzt )?(?:die|unsere) (?:[\\p{L}-]+ ){0,3}app\\b',
          '(?:téléchargez|installez) (?:notre|l.)\\s?application', '(?:descarga|descargue) (?:nuestra|la) app',
          // Letters to the editor.
          '(?:submit|send|write) (?:a|your|us a) letters? to the editor', "we (?:want|would love|(?:'|’)d love) to hear (?:what you think|from you)",
        ].join('|') +
        ')',
      'iu',
    );

/** advertising or affiliate disclosure of the site (rule disclosure). */
export const DISCLOSURE = /^(?:this (?:post|article|page) (?:contains|may contain|includes) (?:affiliate|references to products)|advertising disclosure|\*?(?:werbung|anzeige)\.\s|bei den (?:mit \S+ markierten )?(?:verlinkungen|links) handelt es sich um affiliate|\S+ is supported by (?:its|our) (?:audience|readers)\.? when you buy|we may (?:receive|earn) (?:a )?(?:compensation|commission))/iu;

/** newsletter or subscription pitch (rule newsletter). */
export const NEWSLETTER_PITCH = /^(?:(?:subscribe|sign up)(?: now)? (?:to|for) (?:our|the)\b.*newsletter|get (?:our|the)\b.*newsletter|mit unserem newsletter|(?:jetzt )?(?:den |unseren )?newsletter (?:abonnieren|bestellen|anfordern)|abonnieren sie (?:jetzt |kostenlos )?(?:unseren |den |die )?\S*\s*newsletter|melden sie sich (?:jetzt )?(?:für|zu[mr]?) .*newsletter|keine .* mehr verpassen|(?:inscrivez-vous|abonnez-vous) (?:à|a) (?:notre|la) newsletter|suscr[ií]bete a nuestr[oa] (?:boletín|newsletter)|iscriviti alla (?:nostra )?newsletter|zapisz się do newslettera|wir informieren sie regelmäßig)/iu;

/** link to the previous or next post (rule pagination). */
export const PAGINATION_LINK = /^(?:(?:←|«|<)?\s*(?:previous|next|older|newer) (?:post|article|entry|story)\b|vorschau auf den nächsten (?:artikel|beitrag)|(?:weiter |zurück )?(?:vorheriger|nächster|voriger) (?:beitrag|artikel)\b|article (?:précédent|suivant)\b|(?:entrada|artículo) (?:anterior|siguiente)\b|(?:poprzedni|następny) (?:wpis|artykuł)(?![\p{L}\p{N}]))/iu;

/** read more" link (rule read-more). */
export const READ_MORE = /^(?:read more|continue reading|weiterlesen|mehr lesen|um (?:den artikel )?weiterzulesen|pour lire la suite|lesen sie (?:hier )?(?:einen weiteren|mehr|weiter)|lire la suite|leer más|seguir leyendo|continua a leggere|czytaj (?:dalej|więcej)|читать далее)(?![\p{L}\p{N}])/iu;

/** image credit (rule credit). */
export const CREDIT_LABEL = /^(?:(?:photo|image|picture|credit|foto|fotos|bild|bilder|quelle|bildquelle|titelbild|beitragsbild|crédit|crédits|source|fuente|imagen|zdjęcie|fot\.)\s*(?:credit\s*)?[:：©]|©\s*\S|【纠错】|责任编辑)/iu;

/** post footer: where and when the post was filed, permalink (rule post-meta). */
export const POST_META = /^(?:this (?:entry|post) was posted\b|posted (?:on|in) .{1,80}\b(?:permalink|comments?)\b|bookmark the permalink|dieser (?:eintrag|beitrag|artikel) wurde .{0,80}veröffentlicht|der beitrag wurde am .{1,60}veröffentlicht|erstellt am .{1,60}(?:abgelegt|veröffentlicht) unter|cette entrée a été publiée|cet article a été publié (?:dans|le)|esta entrada (?:fue publicada|se publicó)|questo articolo è stato pubblicato|ten wpis został opublikowany)/iu;

/** rating or feedback widget (rule rating). */
export const RATING = /^(?:bewerten:?$|rate this:?$|was this (?:article|post|page) (?:helpful|useful)|war (?:der|dieser) (?:artikel|beitrag) (?:nützlich|hilfreich)|cet article vous a-t-il été utile|¿te (?:ha )?(?:resultado|sido) útil|rate this (?:article|post)|bewerten sie diesen (?:artikel|beitrag))/iu;

/** licence or reuse notice of the site or the text (rule license). */
export const LICENSE_NOTICE = /^(?:all content (?:on this (?:site|blog) )?is licensed|(?:this|the) (?:work|content|text)s? (?:on this (?:site|blog) )?(?:is|are) licensed|(?:die )?(?:inhalte|bilder|texte|fotos) (?:dieser|in diesem|auf diesem) (?:website|webseite|seite|blog)s? (?:sind|stehen) unter|sofern nicht anders (?:angegeben|ausgewiesen|vermerkt)|sauf mention contraire|salvo que se indique lo contrario|(?:dieser|der) (?:text|beitrag|artikel|inhalt) (?:wurde|ist|steht) (?:veröffentlicht )?unter (?:der|einer) (?:lizenz|creative)|this (?:article|work|text|post) is (?:published|licensed|available) under|licensed under (?:a )?creative commons)/iu;

/** liability disclaimer of the site (rule disclaimer). */
export const LIABILITY_DISCLAIMER = /^(?:trotz sorgfältiger inhaltlicher kontrolle|haftungs(?:ausschluss|beschränkung|hinweis)\b|für (?:die )?inhalte (?:der )?(?:verlinkten|externen) (?:seiten|links)|we (?:are not|take no|accept no) responsib|disclaimer\s*:)/iu;

/** the site's note that a post gives its author's opinion (rule disclaimer). */
export const OPINION_DISCLAIMER = /^(?:(?:dieser|der) (?:beitrag|artikel|text|gastbeitrag|kommentar) gibt (?:die|nur die|ausschließlich die) meinung|(?:the )?(?:views|opinions) expressed (?:in this|here|are)|les opinions exprimées|(?:las )?opiniones (?:expresadas|vertidas)|le opinioni espresse|opinie wyrażone)/iu;

/** how to cite the page (rule citation). */
export const CITATION = /^(?:suggested citation|cite this (?:article|post|page)|how to cite|zitiervorschlag|zitierweise|empfohlene zitierweise|citation suggérée|pour citer cet article|cómo citar|cita recomendada)\b/iu;

/** reading-time label (rule reading-time). */
export const READING_TIME = /^(?:\d+\s*(?:min(?:ute)?s?\.?|minuten)\s*(?:read|lesezeit|lesedauer|de lecture|de lectura)|(?:lesezeit|lesedauer|reading time|temps de lecture|tiempo de lectura|czas czytania)\s*(?:[:：]\s*)?\d+|ten tekst przeczytasz w)/iu;

/** placeholder of an embed that waits for consent (rule consent). */
export const CONSENT_PLACEHOLDER = /^(?:externer inhalt$|external content$|wir respektieren (?:deine|ihre) privatsphäre|(?:um|zum) (?:diesen|den) (?:inhalt|beitrag|tweet|post) (?:zu sehen|anzuzeigen|zu laden)|mit dem (?:laden|klick|aktivieren) (?:des|der|dieses|auf)|ich bin damit einverstanden, dass mir externe inhalte|by (?:loading|clicking)[^.]{0,40}(?:you (?:agree|accept)|content from))/iu;

/** message for browsers without JavaScript (rule no-javascript). */
export const NO_JAVASCRIPT = /^(?=.{0,120}\bjavascript\b)(?=.{0,120}(?:aktivier|enable|deaktiviert|disabled|turned off|activer|désactivé|activa|habilit|włącz|включите))/iu;

/** author box header or link (rule author-box). */
export const AUTHOR_BOX = /^(?:about the author|über den autor(?:in)?|à propos de l'auteur|sobre el autor|o autorze|view all posts by|zeige alle beiträge von|alle beiträge von|weitere (?:artikel|beiträge) von|voir tous les articles de|ver todas las entradas de)\b/iu;

/** like or share widget (rule social). */
export const LIKE_WIDGET = /^(?:gefällt mir:?(?: lade\.*)?$|like this:?$|j'aime(?: ça)?:?$|me gusta:?$|mit anderen teilen\b|share this:?$)/iu;

/** Endonyms used in language switchers, besides ISO 639-1 codes. */
export const LANGUAGE_NAMES = new Set(
  'english français francais deutsch español espanol italiano português portugues nederlands polski русский українська türkçe العربية عربي فارسی 中文 简体中文 繁體中文 日本語 한국어 ελληνικά čeština svenska dansk norsk suomi magyar română български српски hrvatski עברית हिन्दी bahasa'.split(' '),
);

const LANGUAGE_CODES = new Set(iso6393.flatMap((l) => (l.iso6391 ? [l.iso6391] : [])));

/** "EN|FR|RU", "English · Deutsch · Français": nothing but language codes or names. */
export function isLanguageSwitcher(text: string): boolean {
  const parts = text.split(/\s*[|/·•,]\s*|\s+/).filter(Boolean);
  if (parts.length < 2) return false;
  const separated = /[|/·•,]/.test(text);
  return parts.every((part) => {
    const lower = part.toLowerCase();
    if (LANGUAGE_NAMES.has(lower)) return true;
    // Bare codes need separators or capitals, else "an in to" would pass.
    return LANGUAGE_CODES.has(lower) && part.length === 2 && (separated || part === part.toUpperCase());
  });
}

/** What a cookie notice talks about besides cookies: the site, the browser, consent. */
export const COOKIE_CONTEXT = /\b(?:website|webseite|web-?site|site|seite|sitio|strona|browser|navegador|navigateur|zustimmung|einwilligung|consent|akzeptier|accept|acept|zgod)/iu;

/** "Photo: …", "Crédits photos : …", "(Credit: …)", "Quelle: …" opening a short line. */
export const CREDIT_START =
  /^[(\[]?\s*(?:(?:photo(?:graph)?|foto|bild|image|picture)s?\s+(?:by|von|de|par|di)\s|(?:photos?|fotos?|bild(?:er)?|images?|credits?|crédits?(?: photos?)?|fuente|quelle|source|copyright|©)\s*(?:[:：]|\/|©))/iu;

/** "You must be logged in to post a comment": a comment word and a login word on one short line. */
export const COMMENT_WORD = /comment|kommentar|commentaire|comentar|comment[oi]|komentarz|коммент|reac(?:tie|ción)/iu;
export const LOGIN_WORD = /log(?:ged)?[ -]?in|sign[ -]?in|anmelden|angemeldet|eingeloggt|einloggen|registr|connecté|connectez|iniciar sesión|accedi|zaloguj|войдите/iu;

/** A cookie prompt's button words ("Accept", "We use cookies"): a longer cookie line with one is still the prompt. */
export const COOKIE_ACCEPT = /\b(?:accept|use|akzeptieren|accepter|aceptar)\b/i;
/** The word itself, for the banner's explanation (read with COOKIE_CONTEXT). */
export const COOKIE_WORD = /\bcookies?\b/iu;
/** The sign that makes a rights line a copyright notice even when it reads as a sentence. */
export const COPYRIGHT_SIGN = /©|\(c\)/i;
