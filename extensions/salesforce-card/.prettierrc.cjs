// The repository's Prettier settings, plus LWC templates: the `lwc` parser keeps `attr={value}`
// unquoted, which the LWC compiler requires (the html parser would write `attr="{value}"`).
module.exports = {
  ...require('../../.prettierrc.json'),
  overrides: [{ files: '*.html', options: { parser: 'lwc' } }],
};
