// The private and protected members of Inkwell's classes, renamed in the drop-in builds to `a`, `b` …
// (one name for each in every chunk, so a member an element inherits from a class in another chunk
// keeps its name; none of the letters Lit itself uses for members, so no object has two of one name).
// A name belongs here only when it is nothing but a member of our classes: never a public property,
// an attribute, a key of a message, an event's detail, JSON or an object handed to other code, and
// never read by name (`this[name]`, `changed.has(name)`, `.name=${…}` in a template). Tests run the
// sources, so a mistake here shows only in the built files: the end-to-end suite runs those.
// Ordered by use, the most used first (the shortest names).
export const PRIVATE_MEMBERS = [
  'lightValues', 'drawPending', 'lightReflecting', 'lightChanged', 'lightReflected', 'drawCycle', 'drawRoot',
  'lightSaved', 'lightControllers', 'enableDrawing', 'waitingSlot', 'enqueueDraw', 'prepareDraw', 'createDrawRoot',
  'declarations', 'drawnProps',
  'threadState', 'focusAfter', 'explain', 'lightChildren', 'setForm', 'currentToken', 'lastRange',
  'observedBio', 'countPending', 'withMachinery', 'threadPath', 'resizeObserver', 'loadedFor', 'draftTimers',
  'commentPath', 'blockBoundaries', 'authLink', 'settleTimer', 'restoreRange',
  'composerView', 'renderAvatar', 'recountTimer', 'reacting', 'withPanel', 'onDocumentReady',
  'noticeTimer', 'loadInputs', 'givenMinutes', 'fetchPage', 'announceTimer', 'updateStarted', 'textLanguage',
  'stopObserving', 'showFirstPage', 'restoreFocus', 'renderReactions', 'placedFor', 'onSelectionChange',
  'onPointerDown', 'onKeyDown', 'lastReported', 'lastPointer', 'focusField', 'dialogStyled',
  'closeForm', 'canWrite', 'brokenPictures', 'validWpm', 'validGenre', 'toggleReply', 'threadView',
  'startEdit', 'slottedHeadlineHref', 'shownAt', 'loadedPanel', 'servedCountItem', 'revealLinkedComment',
  'restoreDrafts', 'panel', 'renderTags', 'renderName', 'renderMeta', 'renderMedia', 'renderBody',
  'renderBio', 'refreshFirstPage', 'pictureFailed', 'openQuote', 'onReportButton', 'onInput', 'onDialogKey',
  'onAction', 'redraw', 'measureBio', 'guestFields', 'focusKeeper', 'findTarget', 'fetchCount',
  'computeEstimate', 'closeDialog', 'adoptIncluded', 'threadControl', 'hooks', 'listen', 'generation', 'observer', 'liveStream', 'stopWarming',
  'counterWait', 'writer', 'writerLoading', 'restoredFor', 'pendingSubmit', 'loadWriter', 'withWriter', 'arrived',
  'writerHooks', 'composer', 'forms', 'notifyFields', 'standIns', 'formNodes',
];

// Without C, O, T, j, k and l: Lit's members of those names (this.C, this.l …) are on its elements and parts.
const LETTERS = 'abcdefghimnopqrstuvwxyzABDEFGHIJKLMNPQRSUVWXYZ';

function shortName(index) {
  let name = '';
  for (let rest = index; ; rest = Math.floor(rest / LETTERS.length) - 1) {
    name = LETTERS[rest % LETTERS.length] + name;
    if (rest < LETTERS.length) return name;
  }
}

/**
 * terser's `mangle` option that renames exactly those members, each to the same name in every chunk (a
 * fixed cache, not terser's nameCache: that would also carry variable names from one chunk to the next).
 */
export function privateMembersMangling() {
  return {
    properties: {
      regex: new RegExp(`^(?:${PRIVATE_MEMBERS.join('|')})$`),
      cache: { props: Object.fromEntries(PRIVATE_MEMBERS.map((name, index) => [`$${name}`, shortName(index)])) },
    },
  };
}

/**
 * Stops the build when a listed name is also something else in the sources: a member declared without
 * `private` or `protected`, an object's key, or a string (read by name).
 */
export function checkPrivateMembers(sources) {
  const problems = [];
  for (const name of PRIVATE_MEMBERS) {
    const member = new RegExp(`^\\s*(?:(?:public|private|protected|readonly|static|async|override|get|set)\\s+)*${name}\\s*[?!]?\\s*[(:=<;]`);
    const other = new RegExp(`[{,]\\s*${name}\\s*[:,}]|['"\`]${name}['"\`]`);
    for (const [file, text] of sources) {
      text.split('\n').forEach((line, index) => {
        if ((member.test(line) && !/\b(?:private|protected)\b/.test(line)) || other.test(line)) problems.push(`${file}:${index + 1}: ${name}`);
      });
    }
  }
  if (problems.length) throw new Error(`scripts/private-members.js lists names that are not only private members:\n${problems.join('\n')}`);
}
