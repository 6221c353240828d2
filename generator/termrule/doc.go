// Package termrule decides which quoted strings of a transcript are
// formulations (提法) worth a term page — 四个全面, 一国两制, 枫桥经验,
// 一张床、一间房、一套房 — and which are only words in quotation marks:
// generic nouns in scare quotes (“目标”), quoted sentences, numbers (“2024”,
// “三个”, “5%”) and titles of works.
//
// The importer asks it about every “quoted” string it finds; the link stage
// asks it about the terms front matter lists, so content imported by an
// older importer follows the same rule. It takes strings and gives verdicts:
// no files, no state.
package termrule
