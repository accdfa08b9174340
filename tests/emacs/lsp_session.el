;;; lsp_session.el --- Drives Emacs's eglot against `samshift lsp', headless  -*- lexical-binding: t -*-
;;
;; Opens a template, waits for diagnostics (Flymake), then uses eglot as a user does: hover,
;; go to definition (xref moves point), references, the outline (imenu), `!GetAtt' completion
;; (completion-at-point's table), code lenses (eglot has no lens UI: asked through its
;; connection) and a rename applied to the buffer (eglot-rename).  Writes what the editor saw as
;; JSON.  Run: emacs --batch -l tests/emacs/lsp_session.el
;; Environment: SAMSHIFT_BINARY, SAMSHIFT_TEMPLATE (tests/lsp/navigation.yaml, copied),
;; SAMSHIFT_LENSES (tests/lsp/lenses.yaml, copied), SAMSHIFT_RESULT.

(require 'eglot)
(require 'json)
(require 'xref)
(require 'imenu)

(defvar samshift-result nil "What the editor saw, as an alist.")
(defvar samshift-steps nil)

(define-derived-mode samshift-yaml-mode text-mode "samshift-yaml"
  "A major mode for the templates, so that eglot knows which server to start.")

(defun samshift-see (key value) (push (cons key value) samshift-result))
(defun samshift-step (name) (push name samshift-steps))

(defun samshift-wait (predicate what)
  "Runs the event loop until PREDICATE holds, for at most 15 seconds."
  (let ((deadline (+ (float-time) 15)))
    (while (and (not (funcall predicate)) (< (float-time) deadline))
      (accept-process-output nil 0.05))
    (unless (funcall predicate) (error "Timed out waiting for %s" what))))

(defun samshift-goto (text &optional offset)
  (goto-char (point-min))
  (search-forward text)
  (goto-char (+ (match-beginning 0) (or offset 0))))

(defun samshift-open (path)
  (find-file path)
  (samshift-yaml-mode)
  (let ((project (cons 'transient (file-name-directory path))))
    (eglot '(samshift-yaml-mode) project 'eglot-lsp-server
           (list (getenv "SAMSHIFT_BINARY") "lsp") "yaml"))
  (samshift-wait (lambda () (eglot-current-server)) "eglot to connect"))

(defun samshift-leaves (index path)
  "The leaves of an imenu INDEX, each as its PATH of names joined by `/'."
  (apply #'append
         (mapcar (lambda (entry)
                   (let ((here (append path (list (car entry)))))
                     (if (consp (cdr entry))
                         (samshift-leaves (cdr entry) here)
                       (list (mapconcat #'identity here "/")))))
                 index)))

(defun samshift-request (method params)
  (jsonrpc-request (eglot-current-server) method params))

(defun samshift-run ()
  (samshift-open (getenv "SAMSHIFT_TEMPLATE"))
  (samshift-step "attached")

  ;; Hover on `!Ref Table'.
  (samshift-goto "!Ref Table" 6)
  (let ((hover (samshift-request :textDocument/hover (eglot--TextDocumentPositionParams))))
    (samshift-see 'hover (plist-get (plist-get hover :contents) :value)))
  (samshift-step "hover")

  ;; Go to definition through xref, as M-. does: point moves to the `Table:' key.
  (let ((definitions (xref-backend-definitions 'eglot (xref-backend-identifier-at-point 'eglot))))
    (xref-pop-to-location (car definitions)))
  (samshift-see 'definition (list (line-number-at-pos) (current-column)))
  (samshift-step "definition")

  ;; References (the definition included, as xref asks).
  (samshift-goto "!Ref Table" 6)
  (samshift-see 'references
                (vconcat (mapcar (lambda (ref) (xref-location-line (xref-item-location ref)))
                                 (xref-backend-references
                                  'eglot (xref-backend-identifier-at-point 'eglot)))))
  (samshift-step "references")

  ;; The outline, through imenu (eglot groups each level by kind): each leaf with its path.
  (samshift-see 'symbols (vconcat (samshift-leaves (eglot-imenu) nil)))
  (samshift-step "symbols")

  ;; `!GetAtt Table.' typed at the end: completion-at-point's candidates.
  (goto-char (point-max))
  (insert "  Extra:\n    Value: !GetAtt Table.")
  (let* ((capf (eglot-completion-at-point))
         (candidates (all-completions "Table." (nth 2 capf))))
    (samshift-see 'completion (vconcat (sort candidates #'string<))))
  (delete-region (save-excursion (search-backward "  Extra:")) (point-max))
  ;; What eglot's idle timer does between keystrokes and a command.
  (eglot--signal-textDocument/didChange)
  (samshift-step "completion")

  ;; Rename from `${Table}' inside the Sub, applied to the buffer; then a taken name, refused.
  (samshift-goto "${Table}" 3)
  (let ((eglot-confirm-server-initiated-edits nil))
    (eglot-rename "Store"))
  (samshift-see 'renamed (vconcat (split-string (buffer-string) "\n")))
  (samshift-see 'refused
                (condition-case failure
                    (progn (eglot-rename "Orders") "renamed")
                  (error (error-message-string failure))))
  (samshift-step "renamed")

  ;; Code lenses of the second template.
  (samshift-open (getenv "SAMSHIFT_LENSES"))
  (let ((lenses (samshift-request :textDocument/codeLens
                                  (list :textDocument (eglot--TextDocumentIdentifier)))))
    (samshift-see 'lenses
                  (vconcat (mapcar (lambda (lens)
                                     (format "%d %s"
                                             (1+ (plist-get (plist-get (plist-get lens :range) :start) :line))
                                             (plist-get (plist-get lens :command) :title)))
                                   lenses))))
  (samshift-step "lenses")
  (eglot-shutdown (eglot-current-server)))

(condition-case failure
    (samshift-run)
  (error (samshift-see 'error (error-message-string failure))))
(samshift-see 'steps (vconcat (reverse samshift-steps)))
(with-temp-file (getenv "SAMSHIFT_RESULT")
  (let ((json-encoding-pretty-print nil))
    (insert (json-encode samshift-result))))
(kill-emacs 0)
