// One small page per element in a right-to-left language (Arabic, Hebrew), written for the RTL tests: the
// browser tests (test/rtl/*.test.ts, test/<element>/rtl.test.ts) and the screenshot script
// (scripts/screenshots.js, set `rtl`) build the same pages from here. Strings and plain data only, so both a
// browser and Node can use this module. The element strings stay English (no catalogue is loaded here):
// the layout is what is under test, and English inside a right-to-left page is the hardest case for it.

export const RTL_LANGS = ['ar', 'he'] as const;
export type RtlLang = (typeof RTL_LANGS)[number];
export const RTL_TAGS = ['reading-time', 'author-badge', 'article-card', 'typo-reporter', 'comment-box'] as const;
export type RtlTag = (typeof RTL_TAGS)[number];

interface Sample {
  /** A Latin-script name in a right-to-left page: the case that needs isolating. */
  name: string;
  /** A name in the page's own script. */
  nativeName: string;
  bio: string;
  headline: string;
  excerpt: string;
  tags: string;
  /** Article text with a misspelt word (`mistake`) to report. */
  text: string;
  mistake: string;
  comments: string[];
}

export const SAMPLES: Record<RtlLang, Sample> = {
  ar: {
    name: 'Nushama Wellness',
    nativeName: 'ليلى حسن',
    bio: 'نوشاما مجموعة رائدة من الخبراء الطبيين والباحثين والكتّاب الذين يدرسون كيف يتعافى الناس ويرتاحون، ويكتبون عن ذلك لقرّاء يفضّلون أن يفهموا أجسادهم بأنفسهم، بلغة واضحة وبلا وعود كاذبة.',
    headline: 'الحرفة الهادئة للتدقيق اللغوي',
    excerpt: 'لكل مطبوعة لحظة تفضّل أن تنساها: عنوان بكلمة مكررة، أو تعليق يسمّي الميناء الخطأ.',
    tags: 'تحرير, craft',
    text: 'كان الميناء هادئاً قبل الطبعة الأولى. يقرأ المدققون ببطء، وبصوت عالٍ غالباً، واختبأ الخطا أمام أعين الجميع.',
    mistake: 'الخطا',
    comments: ['قرأت المقال مرتين، وأعجبني ما كتبته Nushama Wellness عن العناوين.', 'شكراً لك على هذه الملاحظة.', 'الأرقام هي ما سأضع تحته خطاً: 12 خطأ في 3 صفحات.'],
  },
  he: {
    name: 'Nushama Wellness',
    nativeName: 'נועה לוי',
    bio: 'נושמה היא קבוצה חלוצית של מומחים רפואיים, חוקרים וכותבים שחוקרים איך אנשים מחלימים ונחים, וכותבים על כך לקוראים שמעדיפים להבין את גופם בעצמם, בשפה ברורה וללא הבטחות שווא.',
    headline: 'המלאכה השקטה של הגהה',
    excerpt: 'לכל פרסום יש רגע שהיה מעדיף לשכוח: כותרת עם מילה כפולה, או כיתוב שנותן לנמל שם שגוי.',
    tags: 'עריכה, craft',
    text: 'הנמל היה שקט לפני המהדורה הראשונה. מגיהים קוראים לאט, לעתים בקול, והטעות הסתתרה לעיני כולם בעמוד אחד.',
    mistake: 'הטעות',
    comments: ['קראתי את המאמר פעמיים, ומה ש-Nushama Wellness כתבה על כותרות נגע בי.', 'תודה על ההערה.', 'המספרים הם מה שהייתי מדגישה: 12 טעויות ב-3 עמודים.'],
  },
};

export interface RtlPageOptions {
  /** `rtl` for the page under test; `ltr` builds the same content mirrored, for geometric comparison. */
  dir?: 'rtl' | 'ltr';
  /** URL of the card's picture. */
  image: string;
  /** The comment box's `api`, `thread` and (optionally) `token` attributes. */
  comments?: string;
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The markup of one element's test page, inside a wrapper that carries `dir` and `lang`. */
export function rtlPage(tag: RtlTag, lang: RtlLang, { dir = 'rtl', image, comments = 'api="/fake/v1" thread="rtl" eager' }: RtlPageOptions): string {
  const s = SAMPLES[lang];
  const body = {
    'reading-time': `<article id="rt-article-${dir}"><p><reading-time minutes="3"></reading-time></p><p>${escape(s.text)}</p></article>`,
    'author-badge': `<author-badge name="${escape(s.name)}" href="/authors/nushama" posts="2" bio-lines="2" bio="${escape(s.bio)}"></author-badge>
      <author-badge size="small" name="${escape(s.nativeName)}"></author-badge>
      <author-badge size="large" name="${escape(s.nativeName)}" posts="12" bio="${escape(s.excerpt)}"><button slot="actions" type="button">Follow</button></author-badge>`,
    'article-card': `<article-card layout="horizontal" href="/posts/quiet-craft" headline="${escape(s.headline)}" excerpt="${escape(s.excerpt)}"
        image="${escape(image)}" image-alt="" published="2026-01-20T10:00:00Z" minutes="3" author="${escape(s.name)}"
        tags="${escape(s.tags)}" tag-href="/tags/{tag}" comments="1234"></article-card>
      <article-card layout="compact" href="/posts/quiet-craft" headline="${escape(s.headline)}" image="${escape(image)}" image-alt="" minutes="3"></article-card>`,
    'typo-reporter': `<article id="typo-article-${dir}"><p>${escape(s.text)}</p></article><typo-reporter for="typo-article-${dir}" api="/fake/v1"></typo-reporter>`,
    'comment-box': `<comment-box ${comments}></comment-box>`,
  }[tag];
  return `<div class="rtl-page" data-tag="${tag}" dir="${dir}" lang="${lang}" style="width: 640px; font: 16px/1.5 sans-serif">${body}</div>`;
}

/** A short conversation in the page's language (one reply), for the fake API under the comment box. */
export function rtlThread(thread: string, lang: RtlLang, start = Date.parse('2026-01-20T10:00:00Z')) {
  const s = SAMPLES[lang];
  const names = [s.nativeName, s.name, s.nativeName];
  return s.comments.map((body, i) => ({
    id: `${lang}${i}`,
    thread,
    parentId: i === 1 ? `${lang}0` : null,
    author: { id: `u${i}`, name: names[i], guest: false },
    body,
    createdAt: new Date(start + i * 60_000).toISOString(),
    status: 'published' as const,
  }));
}
