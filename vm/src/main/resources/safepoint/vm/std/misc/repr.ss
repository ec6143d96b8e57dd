;;; :std/misc/repr -- evaluable representations of values (cons.io reference/std/misc/repr).
;;; No :pr methods yet (there are no Gerbil classes): records and procedures are written.

(export print-representation pr prn repr display-separated)

;; Keywords are parsed by hand: Safepoint's lambda lists take keywords only after all
;; optionals, and here the port is optional.
(def (display-separated lst . args)
  (let loop ((a args) (port (current-output-port)) (prefix "") (separator " ") (suffix "")
             (display-element display))
    (cond
     ((null? a)
      (display prefix port)
      (let each ((l lst) (first? #t))
        (when (pair? l)
          (unless first? (display separator port))
          (display-element (car l) port)
          (each (cdr l) #f)))
      (display suffix port))
     ((and (keyword? (car a)) (pair? (cdr a)))
      (let ((k (keyword->string (car a))) (v (cadr a)))
        (cond ((equal? k "prefix") (loop (cddr a) port v separator suffix display-element))
              ((equal? k "separator") (loop (cddr a) port prefix v suffix display-element))
              ((equal? k "suffix") (loop (cddr a) port prefix separator v display-element))
              ((equal? k "display-element") (loop (cddr a) port prefix separator suffix v))
              (else (error "Unknown keyword argument" (car a))))))
     (else (loop (cdr a) (car a) prefix separator suffix display-element)))))

(def (%simple? x)
  (or (number? x) (boolean? x) (string? x) (char? x) (keyword? x) (eof-object? x)
      (eq? x (void))))

(def (print-representation x (port (current-output-port)) (options #f))
  (def (p y) (print-representation y port options))
  (cond
   ((%simple? x) (write x port))
   ((symbol? x) (display "'" port) (write x port))
   ((null? x) (display "[]" port))
   ((pair? x)
    (display "[" port)
    (let loop ((l x) (first? #t))
      (cond ((pair? l)
             (unless first? (display " " port))
             (p (car l))
             (loop (cdr l) #f))
            ((null? l))
            ((%simple? l) (display " . " port) (p l))
            (else (display " " port) (p l) (display " ..." port))))
    (display "]" port))
   ((vector? x)
    (display "(vector" port)
    (vector-for-each (lambda (e) (display " " port) (p e)) x)
    (display ")" port))
   (else (write x port))))

(def (pr x (port (current-output-port)) (options #f)) (print-representation x port options))

(def (prn x (port (current-output-port)) (options #f))
  (print-representation x port options)
  (newline port))

(def (repr x (options #f))
  (call-with-output-string (lambda (port) (print-representation x port options))))
