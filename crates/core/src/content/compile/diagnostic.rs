use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};

/// One problem in a content file, printed as `path:line: message` so editors and terminals can
/// jump to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub path: PathBuf,
    pub line: usize,
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.path.display(), self.line, self.message)
    }
}

/// A content file's text, kept to turn byte offsets into line numbers.
#[derive(Clone)]
pub(crate) struct SourceFile {
    pub path: PathBuf,
    pub text: String,
}

impl SourceFile {
    pub fn read(path: &Path, errors: &mut Vec<Diagnostic>) -> Option<SourceFile> {
        match std::fs::read_to_string(path) {
            Ok(text) => Some(SourceFile { path: path.to_owned(), text }),
            Err(err) => {
                errors.push(Diagnostic { path: path.to_owned(), line: 1, message: format!("cannot read file: {err}") });
                None
            }
        }
    }

    pub fn line_of(&self, offset: usize) -> usize {
        let end = offset.min(self.text.len());
        self.text.as_bytes()[..end].iter().filter(|&&b| b == b'\n').count() + 1
    }

    pub fn error_at_line(&self, line: usize, message: impl Into<String>) -> Diagnostic {
        Diagnostic { path: self.path.clone(), line, message: message.into() }
    }

    pub fn error(&self, span: Range<usize>, message: impl Into<String>) -> Diagnostic {
        self.error_at_line(self.line_of(span.start), message)
    }
}
