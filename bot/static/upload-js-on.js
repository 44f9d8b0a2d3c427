document.documentElement.classList.add("js");  // upload.js is coming: show the one-tap controls
