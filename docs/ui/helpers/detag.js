'use strict'

// Strips HTML tags, for a page title used in <title>.
module.exports = (html) => (html ? String(html).replace(/<[^>]+>/g, '') : '')
