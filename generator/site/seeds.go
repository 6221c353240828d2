package site

import (
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"strings"

	"github.com/spf13/afero"
)

// seedExts are the transcript types the importer reads itself; .pdf is read
// when ImportOptions.PDFText is set.
var seedExts = map[string]bool{".txt": true, ".docx": true, ".md": true}

// How to turn what people put in seeds/ into a file studysite reads.
const (
	saveAsDocx  = "choose 文件 → 另存为 → Word 文档 (*.docx), and put the .docx in seeds/"
	copyText    = "copy the text into a Word document or a .txt file"
	pasteText   = "open it in a browser, select the text, and paste it into Notepad; save as .txt"
	typeText    = "a picture: studysite reads text, not scans; type or OCR the text into a .txt or .docx"
	unpackFiles = "an archive: unpack it and put the .txt or .docx files it holds in seeds/"
)

// howToConvert says, for file types people put in seeds/ that studysite
// cannot read, what the file is and how to make it one it can.
var howToConvert = map[string]string{
	".doc":  "a Word 97–2003 document: open it in Word or WPS, " + saveAsDocx,
	".wps":  "a WPS document: open it in WPS, " + saveAsDocx,
	".wpt":  "a WPS template: open it in WPS, " + saveAsDocx,
	".dot":  "a Word template: open it in Word, " + saveAsDocx,
	".dotx": "a Word template: open it in Word, " + saveAsDocx,
	".rtf":  "an RTF document: open it in Word or WPS, " + saveAsDocx,
	".odt":  "an OpenDocument text: open it in LibreOffice or WPS, " + saveAsDocx,
	".pdf":  "a PDF: install poppler's pdftotext (Debian/Ubuntu: apt-get install poppler-utils; Windows: poppler for Windows) and build again, or extract its text with `pdftotext -layout file.pdf file.txt` and put the .txt in seeds/",
	".xls":  "a spreadsheet, not a transcript: " + copyText,
	".xlsx": "a spreadsheet, not a transcript: " + copyText,
	".et":   "a WPS spreadsheet, not a transcript: " + copyText,
	".ppt":  "a presentation, not a transcript: " + copyText,
	".pptx": "a presentation, not a transcript: " + copyText,
	".dps":  "a WPS presentation, not a transcript: " + copyText,
	".htm":  "a web page: " + pasteText,
	".html": "a web page: " + pasteText,
	".mht":  "a saved web page: " + pasteText,
	".jpg":  typeText, ".jpeg": typeText, ".png": typeText, ".gif": typeText, ".bmp": typeText,
	".tif": typeText, ".tiff": typeText, ".webp": typeText, ".heic": typeText,
	".zip": unpackFiles, ".rar": unpackFiles, ".7z": unpackFiles,
}

// SeedsNote is the note `studysite init` leaves in seeds/ saying what to
// put there; it is not a document. It is known by its first line, so a
// transcript someone saved under the same name is still imported.
const (
	SeedsNote          = "说明.txt"
	SeedsNoteFirstLine = "把讲话稿、传达稿、会议精神等学习材料放在这个文件夹里。"
)

// isSeedsNote: the file is init's note, unchanged at its top.
func isSeedsNote(fsys afero.Fs, path string) bool {
	f, err := fsys.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, len(SeedsNoteFirstLine))
	n, _ := io.ReadFull(f, head)
	return string(head[:n]) == SeedsNoteFirstLine
}

// ignoredSeedFile: files the system or an editor puts beside documents. A
// Word document that is open has a lock file ~$name.docx beside it.
func ignoredSeedFile(name string) bool {
	lower := strings.ToLower(name)
	return strings.HasPrefix(name, ".") || strings.HasPrefix(name, "~$") || strings.HasSuffix(name, "~") ||
		lower == "thumbs.db" || lower == "desktop.ini" || lower == ".ds_store"
}

// seedList is what seeds/ holds.
type seedList struct {
	seeds       []string // seeds/… the importer reads, sorted
	unsupported []string // seeds/… it cannot read, sorted
	all         map[string]bool
}

func listSeeds(fsys afero.Fs, o Options, readPDF bool) (seedList, error) {
	l := seedList{all: map[string]bool{}}
	dir := o.path(SeedsDir)
	entries, err := afero.ReadDir(fsys, dir)
	if isNotExist(err) {
		return l, nil
	}
	if err != nil {
		return l, fmt.Errorf("%s: %w", dir, err)
	}
	for _, e := range entries {
		if e.IsDir() || ignoredSeedFile(e.Name()) || e.Name() == SeedsNote && isSeedsNote(fsys, filepath.Join(dir, e.Name())) {
			continue
		}
		name := SeedsDir + "/" + e.Name()
		l.all[name] = true
		ext := strings.ToLower(filepath.Ext(e.Name()))
		if seedExts[ext] || ext == ".pdf" && readPDF {
			l.seeds = append(l.seeds, name)
		} else {
			l.unsupported = append(l.unsupported, name)
		}
	}
	sort.Strings(l.seeds)
	sort.Strings(l.unsupported)
	return l, nil
}

// unsupportedMessage says in plain words what a file is and how to make it
// readable.
func unsupportedMessage(seed string) string {
	if how, ok := howToConvert[strings.ToLower(filepath.Ext(seed))]; ok {
		return fmt.Sprintf("%s: not imported: it is %s", seed, how)
	}
	return fmt.Sprintf("%s: not imported: studysite reads .txt, .docx and .md transcripts (and .pdf with pdftotext installed); save the text in one of those", seed)
}
