;;; :std/misc/path -- POSIX path utilities (doc/reference/std/misc/path.md in the Gerbil
;;; repository), over Gambit's path procedures: path-default-extension, path-force-extension,
;;; path-extension-is?, subpath, subpath?, path-absolute?, absolute-path?, get-absolute-path,
;;; ensure-absolute-path, path-maybe-normalize, path-enough, path-simplify-directory,
;;; path-normalized-directory, path-parent and path-simplify. Errors are Gerbil's Error
;;; (*** ERROR IN ... [Error]: Path not absolute, its irritants below).
;;;
;;; Two of the page's examples contradict the page's own definitions, and the definitions are
;;; followed: (path-enough "foo/bar/baz/quux" "foo/bar") is "baz/quux" (the page shows
;;; "bar/quux", which path-expand with "foo/bar" would not take back to the first path), and
;;; (path-simplify-directory "/foo/./..///.../../bar/../baz////") is "/baz" (the page shows
;;; "/bar/", though bar/.. cancels and a trailing "/" is always simplified away).

(import :std/error)
(export path-default-extension path-force-extension path-extension-is? subpath subpath?
        path-absolute? absolute-path? get-absolute-path ensure-absolute-path path-maybe-normalize
        path-enough path-simplify-directory path-normalized-directory path-parent path-simplify)

(def (path-default-extension path ext)
  (if (and (string? ext) (string-prefix? "." ext) (equal? (path-extension path) ""))
    (string-append path ext)
    path))

(def (path-force-extension path ext)
  (if ext (string-append (path-strip-extension path) ext) path))

(def (path-extension-is? path extension) (equal? (path-extension path) extension))

(def (subpath top . sub-components)
  (let loop ((p top) (subs sub-components))
    (if (null? subs) p (loop (path-expand (car subs) p) (cdr subs)))))

(def (%with-slash base) (if (string-suffix? "/" base) base (string-append base "/")))

(def (subpath? maybe-subpath base-path)
  (and (string? maybe-subpath) (string? base-path)
       (let (base (%with-slash base-path))
         (cond ((string-prefix? base maybe-subpath) (substring maybe-subpath (string-length base) (string-length maybe-subpath)))
               ((equal? (%with-slash maybe-subpath) base) "")
               (else #f)))))

(def (path-absolute? path) (string-prefix? "/" path))

(def (absolute-path? path) (and (string? path) (path-absolute? path)))

(def (get-absolute-path designator)
  (let (path (cond ((string? designator) designator)
                   ((procedure? designator) (designator))
                   ((not designator) (current-directory))
                   (else (error "Invalid path designator" designator))))
    (unless (absolute-path? path) (error "Path not absolute" path))
    path))

(def (ensure-absolute-path path (base #f))
  (if (path-absolute? path) path (path-expand path (get-absolute-path base))))

(def (path-maybe-normalize path)
  (with-catch (lambda (e) (path-simplify path)) (lambda () (path-normalize path))))

(def (path-enough sub base) (or (subpath? sub base) sub))

(def (path-simplify-directory path) (path-simplify (path-directory path)))

(def (path-normalized-directory path) (path-maybe-normalize (path-directory path)))

(def (path-parent path)
  (%with-slash (path-maybe-normalize (path-simplify (string-append (%with-slash path) "..")))))

;; Components without "" and "."; ".." cancels the component before it unless keep..? (and
;; vanishes at the root of an absolute path); no trailing "/" but the root's.
(def (path-simplify path keep..?: (keep..? #f))
  (let* ((absolute? (path-absolute? path))
         (parts (let loop ((in (%split path)) (out '()))
                  (cond ((null? in) (reverse out))
                        ((member (car in) '("" ".")) (loop (cdr in) out))
                        ((and (equal? (car in) "..") (not keep..?))
                         (cond ((and (pair? out) (not (equal? (car out) ".."))) (loop (cdr in) (cdr out)))
                               (absolute? (loop (cdr in) out))
                               (else (loop (cdr in) (cons ".." out)))))
                        (else (loop (cdr in) (cons (car in) out))))))
         (joined (%join parts)))
    (cond (absolute? (string-append "/" joined))
          ((equal? joined "") ".")
          (else joined))))

(def (%split path)
  (let loop ((i 0) (start 0) (acc '()))
    (cond ((= i (string-length path)) (reverse (cons (substring path start i) acc)))
          ((eqv? (string-ref path i) #\/) (loop (+ i 1) (+ i 1) (cons (substring path start i) acc)))
          (else (loop (+ i 1) start acc)))))

(def (%join parts)
  (if (null? parts) ""
      (let loop ((acc (car parts)) (l (cdr parts)))
        (if (null? l) acc (loop (string-append acc "/" (car l)) (cdr l))))))
