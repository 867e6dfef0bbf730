/** Plural forms keyed by `Intl.PluralRules` category; `other` is always present. `{n}` is the formatted count. */
export type PluralMessage = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/** The moderation inbox's strings (`<comment-moderation>`), which come with its own code. */
export interface ModerationMessages {
  modTitle: string;
  /** No token: what to do. */
  modSignIn: string;
  /** A reader's token, not a moderator's. */
  modNotModerator: string;
  modSessionExpired: string;
  modLoading: string;
  modEmpty: string;
  /** `{message}`: why. */
  modLoadFailed: string;
  /** The filter of kinds (all, comments, typo reports). */
  modShow: string;
  modAll: string;
  modComments: string;
  modReports: string;
  /** The status filter and its values (spam is `spam`). */
  modStatus: string;
  modHeld: string;
  modApproved: string;
  modRejected: string;
  /** Comments hidden with their writer's ban (the inbox's status filter). */
  modHidden: string;
  /** Label of the order (newest or oldest first). */
  modSort: string;
  modThread: string;
  modReader: string;
  modApply: string;
  /** How many items the filters find. */
  modTotal: PluralMessage;
  modLoadMore: string;
  modSelectAll: string;
  /** Label of an item's selection box. */
  modSelect: string;
  modSelected: PluralMessage;
  /** Back to awaiting a decision. */
  modRestore: string;
  /** A typo report's approve and reject. */
  modFixed: string;
  modDismiss: string;
  modBan: string;
  /** The ban dialog's question; `{name}` the reader's. */
  modBanTitle: string;
  modBanHide: string;
  modBanConfirm: string;
  /** After a guest's name. */
  modGuest: string;
  /** Where a comment is: "in {thread}". */
  modInThread: string;
  /** Above the comment a reply answers. */
  modReplyTo: string;
  modTypo: string;
  /** The link that opens the reported passage on its page. */
  modOpenPassage: string;
  modSuggestion: string;
  modNote: string;
  /** How often identical reports came. */
  modReported: PluralMessage;
  /** Above the approved text of a comment whose edit awaits approval. */
  modPublicText: string;
  /** Announced after a decision: `{action}` is its button's label. */
  modDone: PluralMessage;
  modUndo: string;
  modUndone: string;
  modFailed: string;
  /** Announced when new items arrive live. */
  modNew: PluralMessage;
  /** The keyboard help's title and its rows. */
  modShortcuts: string;
  modKeyNext: string;
  modKeyPrevious: string;
  modKeySelect: string;
  modKeyUndo: string;
  modKeyHelp: string;
}

/** Every string Inkwell shows, for one language. */
export interface Messages extends ModerationMessages {
  /** "3 min read". */
  minutesRead: PluralMessage;
  /** "3–4 min read"; the plural form follows `{max}`. */
  minutesReadRange: PluralMessage;
  /** "2 posts", an author's post count. */
  posts: PluralMessage;
  /** "5 comments", an article's comment count. */
  comments: PluralMessage;
  /** The bio toggle: show all of it. */
  more: string;
  /** The bio toggle: clamp it again. */
  less: string;
  /** Label of an article's list of tags. */
  tags: string;
  /** The typo reporter's hint; `{keys}` becomes the shortcut, e.g. Ctrl+Enter. */
  typoHint: string;
  /** The button after the hint, the touch button beside a selection, and the dialog's title. */
  typoReport: string;
  /** Label of the field where a reader who selected nothing quotes the passage. */
  typoQuote: string;
  /** Said in the dialog when nothing was selected: the report cannot link to the passage. */
  typoNoSelection: string;
  typoCorrection: string;
  typoComment: string;
  typoSent: string;
  typoTooLong: PluralMessage;
  /** Subject of the e-mail sent when there is no API; `{title}` is the page's title. */
  typoMailSubject: string;
  send: string;
  sending: string;
  cancel: string;
  close: string;
  retry: string;
  errorNetwork: string;
  errorRateLimited: PluralMessage;
  /** `{message}` is the server's own explanation. */
  errorFailed: string;
  /** The heading before the count is known. */
  commentsTitle: string;
  /** "Comments (3)". */
  commentsHeading: PluralMessage;
  noComments: string;
  loadingComments: string;
  /** A comment form whose code is still on its way (the field already takes text). */
  formLoading: string;
  loadFailed: string;
  loginRequired: string;
  signIn: string;
  signUp: string;
  sessionExpired: string;
  /** The server refused the reader's token for any reason but its age (bad signature, audience, issuer …). */
  signInUnverified: string;
  signedInAs: string;
  yourComment: string;
  replyTo: string;
  post: string;
  preview: string;
  reply: string;
  edit: string;
  /** Label of the field that edits one's own comment. */
  editComment: string;
  save: string;
  delete: string;
  confirmDelete: string;
  /** Announced once a comment is deleted. */
  commentDeleted: string;
  awaitingModeration: string;
  editAwaitingModeration: string;
  approve: string;
  reject: string;
  spam: string;
  loadMore: string;
  /** Announced after "Load more comments". */
  moreLoaded: PluralMessage;
  newComments: PluralMessage;
  sortOldest: string;
  sortNewest: string;
  sortBy: string;
  posted: string;
  postedHeld: string;
  charactersLeft: PluralMessage;
  replyingTo: string;
  deletedComment: string;
  heldComment: string;
  removedComment: string;
  edited: string;
  guestName: string;
  guestEmail: string;
  tooManyAttempts: PluralMessage;
  /** Label of a comment's group of reaction buttons. */
  reactions: string;
  /** Label of the bar of reactions to the whole article. */
  articleReactions: string;
  /** The reaction kinds, as buttons name them ("Like, 3" with a count). */
  reactionLike: string;
  reactionLove: string;
  reactionLaugh: string;
  reactionCelebrate: string;
  reactionInsightful: string;
  /** The toggle that shows every reaction kind under a comment. */
  moreReactions: string;
  /** Shown when a signed-out reader tries to react, before a Sign In link. */
  loginToReact: string;
  /** The sort option: most reactions first. */
  sortTop: string;
  /** The mark on the comment a moderator pinned (shown first). */
  pinned: string;
  /** Moderators: pin a comment to the top of the thread, or take it down. */
  pin: string;
  unpin: string;
  /** The label on comments by the article's author(s). */
  authorLabel: string;
  /** A banned reader's post, edit or reaction was refused. */
  banned: string;
  /** The comment form's checkbox: e-mail the writer when someone replies (shown when the server can reach them). */
  notifyReplies: string;
  /** Beside that checkbox on the guest form: guests confirm their address first. */
  notifyConfirm: string;
}
