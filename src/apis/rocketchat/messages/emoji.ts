/**
 * The emoji chat.react accepts. The vendor checks `emoji.list` (the bundled emojione/joypixels
 * set, ~3,000 shortnames) and then the workspace's custom emoji (REACT). Modelled: this list of
 * common shortnames, no custom emoji. Shortnames are matched with their colons; a reaction given
 * without colons is wrapped in them first, as the vendor does.
 */
const SHORTNAMES = [
  // Faces.
  'smile', 'smiley', 'grinning', 'grin', 'joy', 'rofl', 'laughing', 'sweat_smile', 'slight_smile', 'upside_down',
  'wink', 'blush', 'innocent', 'heart_eyes', 'kissing_heart', 'yum', 'stuck_out_tongue', 'stuck_out_tongue_winking_eye',
  'sunglasses', 'smirk', 'unamused', 'disappointed', 'pensive', 'worried', 'confused', 'slight_frown', 'frowning2',
  'persevere', 'confounded', 'tired_face', 'weary', 'cry', 'sob', 'angry', 'rage', 'scream', 'fearful', 'cold_sweat',
  'hushed', 'open_mouth', 'astonished', 'flushed', 'sleeping', 'dizzy_face', 'neutral_face', 'expressionless',
  'no_mouth', 'thinking', 'rolling_eyes', 'zipper_mouth', 'nerd', 'mask', 'sweat', 'relieved', 'relaxed', 'hugging',
  'partying_face', 'star_struck', 'shushing_face', 'face_with_monocle', 'exploding_head', 'yawning_face',
  // Hands and people.
  'thumbsup', '+1', 'thumbsdown', '-1', 'ok_hand', 'clap', 'wave', 'raised_hands', 'pray', 'muscle', 'point_up',
  'point_down', 'point_left', 'point_right', 'v', 'fist', 'punch', 'handshake', 'writing_hand', 'eyes', 'eye',
  'brain', 'man_shrugging', 'woman_shrugging', 'man_facepalming', 'woman_facepalming',
  // Hearts and symbols.
  'heart', 'orange_heart', 'yellow_heart', 'green_heart', 'blue_heart', 'purple_heart', 'black_heart', 'broken_heart',
  'sparkling_heart', 'two_hearts', '100', 'white_check_mark', 'heavy_check_mark', 'x', 'bangbang', 'question',
  'exclamation', 'warning', 'no_entry', 'fire', 'sparkles', 'star', 'star2', 'zap', 'boom', 'tada', 'confetti_ball',
  'trophy', 'medal', 'rocket', 'bulb', 'bell', 'lock', 'key', 'link', 'pushpin', 'memo', 'calendar', 'hourglass',
  'alarm_clock', 'coffee', 'beer', 'beers', 'pizza', 'cake', 'gift', 'moneybag', 'chart_with_upwards_trend',
  // Animals and nature.
  'squid', 'octopus', 'crab', 'fish', 'whale', 'dolphin', 'turtle', 'snake', 'dog', 'cat', 'mouse', 'rabbit', 'fox',
  'bear', 'panda_face', 'koala', 'tiger', 'lion_face', 'cow', 'pig', 'frog', 'monkey', 'see_no_evil', 'hear_no_evil',
  'speak_no_evil', 'chicken', 'penguin', 'bird', 'bee', 'bug', 'butterfly', 'unicorn', 'sunny', 'cloud', 'rainbow',
  'snowflake', 'earth_americas', 'seedling', 'evergreen_tree', 'cactus', 'four_leaf_clover', 'rose', 'sunflower',
];

const KNOWN: ReadonlySet<string> = new Set(SHORTNAMES.map((name) => `:${name}:`));

/** The vendor's normalisation: every colon removed, then wrapped in one pair (`squid` → `:squid:`). */
export function normalizeReaction(reaction: string): string {
  return `:${reaction.replace(/:/g, '')}:`;
}

/** True for a shortname (with colons) of the modelled list. */
export function isKnownEmoji(shortname: string): boolean {
  return KNOWN.has(shortname);
}
