// Package pdf prints pages of a built site — study packets and single
// documents — to PDF in the system's headless Chromium, driven by chromedp.
//
// It takes an afero.Fs holding the built site (the folder public/ becomes),
// which it serves to Chromium from a loopback HTTP server, and the slash
// paths of the pages to print. It gives, for each page, the bytes of a PDF:
// paper size from the CSS @page rules, no browser header or footer, fonts
// loaded before printing, tagged, with the page numbers of the page's
// `span.pageref` filled in, a blank page before each `.packet-doc` that would
// otherwise start on a left-hand page when the packet asks for duplex, an
// outline (bookmarks) from the `data-outline` levels (h1/h2/h3 on a page that
// has none), and the title and date in the PDF metadata. It writes no file:
// the caller decides where PDFs go (generator/site keeps them in a cache).
//
// Chromium has no target-counter() and ignores break-before: right, so the
// printer works in passes: print, read the page of every element it needs
// back from the PDF's named destinations (Chromium writes one for each
// element a same-page link points at; the printer adds hidden links to every
// id it needs), fill the numbers in and insert or remove blank pages through
// JavaScript, print again, until nothing changes (at most MaxPasses).
//
// The page layout it relies on is the contract of issue 13 (see
// README "Printing and PDF").
package pdf
