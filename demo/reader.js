// The demo site's sign-in hands its reader's token to Inkwell the way a real site would print it into
// the page: as <meta name="inkwell-token">. (The token comes from /sign-in.html, development mode only.)
const token = localStorage.getItem('inkwell-token');
if (token) {
  const meta = document.createElement('meta');
  meta.name = 'inkwell-token';
  meta.content = token;
  document.head.append(meta);
}
