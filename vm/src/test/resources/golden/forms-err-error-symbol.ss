;; oracle: gsi
;; (error 'who msg irritants) uncaught: gsi shows the symbol as the message
(error 'my-proc "went wrong" 42)
